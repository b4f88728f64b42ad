// Choose a letter, fill in what it asks, read the preview, insert it. A letter with a required value
// missing is not inserted: the preview names what is missing instead. The preview is text (never HTML).
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { resolveTemplate } from '@/lib/letters/catalog';
import type { TemplateMeta } from '@/lib/letters/meta';
import { type RenderResult, renderLetter } from '@/lib/letters/render';
import { Text } from '../controls';
import type { StepProps } from './types';

interface Props extends StepProps {
  templates: TemplateMeta[];
  /** For a letter announcing a deadline extension: that extension's `at`, recorded with the letter. */
  extensionAt?: string;
}

export function LetterComposer({ complaint, settings, overrides, now, actions, templates, extensionAt }: Props) {
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [result, setResult] = useState<RenderResult | null>(null);
  // The values the shown preview was rendered from: recorded with the letter, not the form's newer ones.
  const [renderedFrom, setRenderedFrom] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; templateId: string } | null>(null);
  const meta = templates.find((m) => m.id === templateId) ?? templates[0];
  const lang = settings.lang;

  useEffect(() => {
    if (!meta) return;
    let live = true;
    const resolved = resolveTemplate(meta.id, lang, overrides);
    const override = resolved?.edited ? { source: resolved.source, version: resolved.version } : undefined;
    const used = inputs;
    void renderLetter(meta.id, complaint, settings, { inputs: used, now, lang, override }).then((r) => {
      if (!live) return;
      setResult(r);
      setRenderedFrom(used);
    });
    return () => {
      live = false;
    };
  }, [meta?.id, complaint, settings, overrides, JSON.stringify(inputs), lang, now.toDateString()]);

  if (!meta) return null;
  const insert = async () => {
    if (!result?.ok) return;
    // The values typed for this letter only (the form keeps those of other letters while the agent browses).
    const typed = Object.fromEntries(
      meta.inputs.flatMap((i) => (i.id in renderedFrom ? [[i.id, renderedFrom[i.id] ?? '']] : [])),
    );
    setOutcome({ ...(await actions.insertLetter(result, { inputs: typed, extensionAt })), templateId: meta.id });
  };

  return (
    <section class="letter" aria-label={t('ui.letter.title')} data-testid="letter-composer">
      <h4>{t('ui.letter.title')}</h4>
      <div class="form__grid">
        <div class="field field--wide">
          <label for="letter-template">{t('ui.letter.template')}</label>
          <select
            id="letter-template"
            value={meta.id}
            data-testid="letter-template"
            onChange={(e) => {
              setTemplateId((e.currentTarget as HTMLSelectElement).value);
              setOutcome(null);
            }}
          >
            {templates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title[lang]}
              </option>
            ))}
          </select>
        </div>
        {meta.inputs.map((input) => (
          <Text
            key={input.id}
            label={`${input.label[lang]}${input.required ? ' *' : ''}`}
            value={inputs[input.id] ?? ''}
            type={input.kind === 'date' ? 'date' : 'text'}
            area={input.kind === 'textarea' ? 3 : undefined}
            onChange={(v) => setInputs({ ...inputs, [input.id]: v })}
          />
        ))}
      </div>
      {result && !result.ok && (
        <div class="letter__missing" role="status" data-testid="letter-missing">
          <p>{result.message}</p>
          {result.missing.length > 0 && (
            <ul>
              {result.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.ok && (
        <section class="letter__preview" aria-label={t('ui.letter.preview')} data-testid="letter-preview">
          {result.text}
        </section>
      )}
      <button
        type="button"
        class="button button--primary"
        disabled={!result?.ok}
        onClick={insert}
        data-testid="insert-letter"
      >
        {t('ui.letter.insert')}
      </button>
      {outcome && (
        <p class={outcome.ok ? 'notice' : 'warning'} role="status" data-testid="letter-outcome">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
