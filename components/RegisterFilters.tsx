// Filters and search of the register list.
import { t } from '@/lib/i18n';
import type { RegisterFilter } from '@/lib/register/filters';
import { PHASES, SEVERITIES } from '@/lib/register/schema';
import type { Category } from '@/lib/settings/schema';

interface Props {
  filter: RegisterFilter;
  categories: Category[];
  onChange: (filter: RegisterFilter) => void;
  /** Team register: this agent's server id, for « À moi » / « Toute l'équipe ». Absent in a local register. */
  me?: string;
}

export function RegisterFilters({ filter, categories, onChange, me }: Props) {
  const set = (patch: Partial<RegisterFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <search class="filters">
      <input
        type="search"
        aria-label={t('ui.register.search')}
        placeholder={t('ui.register.search')}
        value={filter.search ?? ''}
        onInput={(e) => set({ search: value(e) || undefined })}
      />
      {me && (
        <select
          aria-label={t('ui.filter.scope')}
          data-testid="filter-scope"
          value={filter.assignee ? 'mine' : 'team'}
          onChange={(e) => set({ assignee: value(e) === 'mine' ? me : undefined })}
        >
          <option value="team">{t('ui.filter.scope.team')}</option>
          <option value="mine">{t('ui.filter.scope.mine')}</option>
        </select>
      )}
      <select
        aria-label={t('ui.register.filter.phase')}
        value={filter.phase ?? ''}
        onChange={(e) => set({ phase: (value(e) || undefined) as RegisterFilter['phase'] })}
      >
        <option value="">{`${t('ui.register.filter.phase')} : ${t('ui.register.filter.all')}`}</option>
        {PHASES.map((p) => (
          <option key={p} value={p}>
            {t(`phase.${p}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('ui.register.column.deadline')}
        value={filter.due ?? ''}
        onChange={(e) => set({ due: (value(e) || undefined) as RegisterFilter['due'] })}
      >
        <option value="">{`${t('ui.register.column.deadline')} : ${t('ui.register.filter.all')}`}</option>
        <option value="overdue">{t('ui.register.filter.overdue')}</option>
        <option value="dueSoon">{t('ui.register.filter.dueSoon')}</option>
      </select>
      <select
        aria-label={t('ui.register.filter.category')}
        value={filter.category ?? ''}
        onChange={(e) => set({ category: value(e) || undefined })}
      >
        <option value="">{`${t('ui.register.filter.category')} : ${t('ui.register.filter.all')}`}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <select
        aria-label={t('ui.register.filter.severity')}
        value={filter.severity ? String(filter.severity) : ''}
        onChange={(e) => set({ severity: value(e) ? Number(value(e)) : undefined })}
      >
        <option value="">{`${t('ui.register.filter.severity')} : ${t('ui.register.filter.all')}`}</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={String(s)}>
            {t(`severity.${s}`)}
          </option>
        ))}
      </select>
    </search>
  );
}
