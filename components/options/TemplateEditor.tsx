// Section 7, the editor: a copy of one letter per language, checked as it is typed (validateTemplate's French
// messages beside the text), previewed with a sample complaint, saved or reset through the page's events.
// A copy that changes under the user's unsaved text (the organisation's, pulled by the background) does not
// replace it: the editor says so and offers to reload.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getLang, type Lang, t } from '@/lib/i18n';
import { resolveTemplate } from '@/lib/letters/catalog';
import { LANGS, type TemplateMeta, type TemplateOverrides } from '@/lib/letters/meta';
import type { RenderResult } from '@/lib/letters/render';
import { previewLetter } from '@/lib/letters/sample';
import { validateTemplate } from '@/lib/letters/validate';
import { knownVariable, variableLabel } from '@/lib/letters/variables';
import { nextTemplateVersion } from '@/lib/register/store/letter-overrides';
import type { Settings } from '@/lib/settings/schema';
import { Field } from '../Field';

export type TemplateOutcome = { ok: true; version?: number } | { ok: false; message: string };

interface Props {
  meta: TemplateMeta;
  overrides: TemplateOverrides;
  /** Saved settings: the preview signs with them (blank company fields come from the sample). */
  settings: Settings;
  onSave: (lang: Lang, source: string) => Promise<TemplateOutcome>;
  onReset: (lang: Lang) => Promise<TemplateOutcome>;
  onClose: () => void;
}

type Status = { kind: 'idle' | 'saving' } | { kind: 'done' | 'failed'; message: string };

export function TemplateEditor({ meta, overrides, settings, onSave, onReset, onClose }: Props) {
  const [lang, setLang] = useState<Lang>(getLang());
  const copy = overrides[meta.id]?.[lang];
  const [drafts, setDrafts] = useState<Partial<Record<Lang, string>>>({});
  /** The saved text each draft was started from (or last saved as). */
  const [bases, setBases] = useState<Partial<Record<Lang, string>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [preview, setPreview] = useState<RenderResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [meta.id]);

  const saved = resolveTemplate(meta.id, lang, overrides)?.source ?? '';
  const source = drafts[lang] ?? saved;
  const changedUnder = drafts[lang] !== undefined && bases[lang] !== saved && drafts[lang] !== saved;
  const forget = (l: Lang) => {
    setDrafts(({ [l]: _dropped, ...rest }) => rest);
    setBases(({ [l]: _dropped, ...rest }) => rest);
  };
  const edited = copy !== undefined;
  const version = copy?.version ?? meta.version;
  const next = nextTemplateVersion(meta.version, copy);
  const problems = useMemo(() => validateTemplate(source, meta), [source, meta]);
  const title = meta.title[getLang()];

  useEffect(() => {
    let live = true;
    void previewLetter(meta, lang, source, next, settings).then((r) => live && setPreview(r));
    return () => {
      live = false;
    };
  }, [meta, lang, source, next, settings]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (problems.length > 0) return setStatus({ kind: 'failed', message: t('options.templates.notSaved') });
    setStatus({ kind: 'saving' });
    const outcome = await onSave(lang, source);
    if (outcome.ok) setBases((b) => ({ ...b, [lang]: source }));
    setStatus(
      outcome.ok
        ? { kind: 'done', message: t('options.templates.saved', { version: outcome.version ?? next }) }
        : { kind: 'failed', message: outcome.message },
    );
  };
  const reset = async () => {
    const outcome = await onReset(lang);
    if (outcome.ok) forget(lang);
    setStatus(
      outcome.ok ? { kind: 'done', message: t('options.templates.resetDone') } : { kind: 'failed', ...outcome },
    );
  };

  return (
    <form
      class="options__editor"
      onSubmit={save}
      noValidate
      data-testid="template-editor"
      aria-labelledby="editor-title"
    >
      <h3 id="editor-title" ref={heading} tabIndex={-1}>
        {t('options.templates.editor', { title })}
      </h3>
      <div class="options__inline">
        <Field label={t('options.templates.lang')}>
          {(p) => (
            <select
              {...p}
              value={lang}
              data-testid="template-lang"
              onChange={(e) => {
                setLang(e.currentTarget.value === 'en' ? 'en' : 'fr');
                setStatus({ kind: 'idle' });
              }}
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`options.templates.lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p class="options__version" data-testid="editor-version">
          {t(edited ? 'options.templates.versionEdited' : 'options.templates.versionShipped', { version })}{' '}
          {t('options.templates.nextVersion', { version: next })}
        </p>
      </div>
      {changedUnder && (
        <p class="warning" role="alert" data-testid="template-changed">
          {t('options.templates.changed')}{' '}
          <button type="button" class="button" onClick={() => forget(lang)}>
            {t('options.templates.reload')}
          </button>
        </p>
      )}
      <div class="options__editor-grid">
        <div>
          <Field label={t('options.templates.source')} error={status.kind === 'failed' ? status.message : undefined}>
            {(p) => (
              <textarea
                {...p}
                class="options__source"
                rows={22}
                value={source}
                data-testid="template-source"
                aria-describedby={[p['aria-describedby'], 'template-problems'].filter(Boolean).join(' ')}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setBases((b) => (lang in b ? b : { ...b, [lang]: saved }));
                  setDrafts((d) => ({ ...d, [lang]: value }));
                  if (status.kind === 'done') setStatus({ kind: 'idle' });
                }}
              />
            )}
          </Field>
          <div id="template-problems" aria-live="polite" data-testid="template-problems">
            {problems.length === 0 ? (
              <p class="options__valid">{t('options.templates.valid')}</p>
            ) : (
              <>
                <p class="field__error">{t('options.templates.problems')}</p>
                <ul class="field__error options__problems">
                  {problems.map((p) => (
                    <li key={`${p.code}-${p.name ?? ''}-${p.line ?? ''}`}>{p.message}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
        <section aria-labelledby="preview-title">
          <h4 id="preview-title">{t('options.templates.preview')}</h4>
          <div class="options__preview" data-testid="template-preview">
            {!preview
              ? t('options.templates.previewLoading')
              : preview.ok
                ? preview.text
                : t('options.templates.previewUnavailable', { message: preview.message })}
          </div>
        </section>
      </div>
      <details class="options__variables">
        <summary>{t('options.templates.variables')}</summary>
        <ul>
          {meta.variables.map((v) => (
            <li key={v.name}>
              <code>{knownVariable(v.name)?.kind === 'text' ? `{{${v.name}}}` : `{{#${v.name}}}…{{/${v.name}}}`}</code>{' '}
              {variableLabel(v.name)}
            </li>
          ))}
          {meta.inputs.map((input) => (
            <li key={input.id}>
              <code>{`{{inputs.${input.id}}}`}</code> {input.label[getLang()]}
            </li>
          ))}
        </ul>
      </details>
      <div class="options__savebar">
        <button
          type="submit"
          class="button button--primary"
          disabled={status.kind === 'saving'}
          data-testid="template-save"
        >
          {status.kind === 'saving' ? t('options.templates.saving') : t('options.templates.save')}
        </button>
        {edited && (
          <button type="button" class="button" onClick={reset} data-testid="template-reset">
            {t('options.templates.reset')}
          </button>
        )}
        <button type="button" class="button" onClick={onClose}>
          {t('options.templates.close')}
        </button>
        <p class="options__status" role="status" data-testid="template-status">
          {status.kind === 'done' && <span class="notice">{status.message}</span>}
        </p>
      </div>
    </form>
  );
}
