// Section 4: reason categories. Added with an id made from the label, renamed in place, archived rather
// than deleted once saved (complaints keep their category); only one added since the last save can go.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Field } from '../Field';
import { categoryId, type FieldErrors, type SettingsForm } from './form';

type Categories = SettingsForm['categories'];

interface Props {
  categories: Categories;
  errors: FieldErrors;
  onChange: (categories: Categories) => void;
}

export function CategoriesSection({ categories, errors, onChange }: Props) {
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const update = (index: number, patch: Partial<Categories[number]>) =>
    onChange(categories.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    const clean = label.trim();
    if (!clean || clean.length > 100) return setProblem(t('options.error.categoryLabel'));
    setProblem(undefined);
    setLabel('');
    const id = categoryId(
      clean,
      categories.map((c) => c.id),
    );
    onChange([...categories, { id, label: clean, archived: false, isNew: true }]);
  };
  return (
    <section id="categories" class="options__section" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('options.categories.title')}</h2>
      <p class="options__help">{t('options.categories.help')}</p>
      {errors.categories && (
        <p class="field__error" role="alert">
          {errors.categories}
        </p>
      )}
      <ul class="options__categories" data-testid="categories">
        {categories.map((c, index) => (
          <li key={c.id} class={c.archived ? 'options__category--archived' : undefined} data-category={c.id}>
            <Field
              label={t('options.categories.labelOf', { id: c.id })}
              error={errors[`categories.${index}.label`] ?? errors[`categories.${index}.id`]}
            >
              {(p) => <input {...p} value={c.label} onInput={(e) => update(index, { label: e.currentTarget.value })} />}
            </Field>
            <span class="options__category-id">{t('options.categories.id', { id: c.id })}</span>
            <span class="options__badges">
              {c.archived && <span class="chip">{t('options.categories.archivedBadge')}</span>}
              {c.isNew && <span class="chip chip--met">{t('options.categories.newBadge')}</span>}
            </span>
            {c.isNew ? (
              <button
                type="button"
                class="button button--small"
                aria-label={t('options.categories.removeLabel', { label: c.label })}
                onClick={() => onChange(categories.filter((_, i) => i !== index))}
              >
                {t('options.categories.remove')}
              </button>
            ) : (
              <button
                type="button"
                class="button button--small"
                aria-label={t(c.archived ? 'options.categories.unarchiveLabel' : 'options.categories.archiveLabel', {
                  label: c.label,
                })}
                onClick={() => update(index, { archived: !c.archived })}
              >
                {t(c.archived ? 'options.categories.unarchive' : 'options.categories.archive')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div class="options__inline">
        <Field label={t('options.categories.new')} error={problem}>
          {(p) => (
            <input
              {...p}
              value={label}
              data-testid="new-category"
              onInput={(e) => setLabel(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                add();
              }}
            />
          )}
        </Field>
        <button type="button" class="button" onClick={add}>
          {t('options.categories.add')}
        </button>
      </div>
    </section>
  );
}
