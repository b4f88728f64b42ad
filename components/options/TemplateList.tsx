// Section 7, the list: every shipped letter with its step, the version in use and whether an edited copy exists.
import { getLang, t } from '@/lib/i18n';
import type { TemplateId, TemplateMeta, TemplateOverrides } from '@/lib/letters/meta';

interface Props {
  templates: readonly TemplateMeta[];
  overrides: TemplateOverrides;
  selected: TemplateId | null;
  onEdit: (id: TemplateId) => void;
}

export function TemplateList({ templates, overrides, selected, onEdit }: Props) {
  const uiLang = getLang();
  return (
    <table class="options__templates" data-testid="templates">
      <thead>
        <tr>
          <th scope="col">{t('options.templates.column.title')}</th>
          <th scope="col">{t('options.templates.column.phase')}</th>
          <th scope="col">{t('options.templates.column.version')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('options.templates.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {templates.map((meta) => {
          const copies = Object.values(overrides[meta.id] ?? {});
          const copy = copies.find((c) => c.lang === uiLang) ?? copies[0];
          const title = meta.title[uiLang];
          return (
            <tr key={meta.id} data-template={meta.id} aria-current={selected === meta.id ? 'true' : undefined}>
              <th scope="row">
                {title}{' '}
                {copies.map((c) => (
                  <span key={c.lang} class="chip chip--dueSoon" data-testid="edited-badge">
                    {t('options.templates.editedLang', { lang: t(`options.templates.lang.${c.lang}`) })}
                  </span>
                ))}
              </th>
              <td>{t(`letters.step.${meta.phase}`)}</td>
              <td data-testid="template-version">{copy?.version ?? meta.version}</td>
              <td>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('options.templates.editLabel', { title })}
                  onClick={() => onEdit(meta.id)}
                >
                  {t('options.templates.edit')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
