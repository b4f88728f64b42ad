// Renders a letter twice from one template: plain text (mustache escaping off: it is inserted as text) and
// HTML (escaping on, and the template's own text escaped too), whose paragraphs become <p> and line breaks <br>.
// A letter with a required value missing, or from an invalid template, is refused: it cannot be inserted.
import Mustache from 'mustache';
import { getLang, type Lang, t } from '../i18n';
import { sha256Hex } from '../register/canonical-json';
import type { Complaint } from '../register/schema';
import type { Settings } from '../settings/schema';
import { MEDIATOR_PARTIAL, MEDIATOR_PARTIAL_NAME, resolveTemplate } from './catalog';
import { type LetterContext, letterContext } from './context';
import { formatInputs } from './inputs';
import type { TemplateMeta } from './meta';
import { mediatorRequired, validateTemplate } from './validate';
import { isBlank, lookup, variableLabel } from './variables';

export interface RenderOptions {
  /** Fill-in inputs typed by the agent, by input id. */
  inputs?: Readonly<Record<string, string>>;
  /** When the letter is written: its date, in Paris. */
  now: Date;
  lang: Lang;
  /** An agent-edited copy to use instead of the shipped template. */
  override?: { source: string; version: number };
}

interface LetterIdentity {
  templateId: string;
  version: number;
  lang: Lang;
}

export interface RenderedLetter extends LetterIdentity {
  ok: true;
  text: string;
  html: string;
  /** SHA-256 (hex) of `text`: the register records which exact letter was sent. */
  sha256: string;
  missing: [];
}

export interface RenderRefused extends LetterIdentity {
  ok: false;
  /** Labels (interface language, French first) of the required values that are blank. */
  missing: string[];
  /** Their variable names ("customer.name", "inputs.bilan"). */
  missingVariables: string[];
  /** Other reasons: invalid template, unreadable input, decision the template is not written for. */
  problems: string[];
  /** One sentence to show the agent. */
  message: string;
}

export type RenderResult = RenderedLetter | RenderRefused;

/** Mediator fields that must be filled whenever the mediator block is in the letter. */
const MEDIATOR_FIELDS = ['mediator.name', 'mediator.organisation', 'mediator.website', 'mediator.address'];

/** Writes the template's own text escaped too, and never lets a `{{{…}}}` through unescaped. */
class HtmlWriter extends Mustache.Writer {
  override rawValue(token: string[]): string {
    return Mustache.escape(token[1] ?? '');
  }
  override unescapedValue(token: string[], context: Mustache.Context): string {
    return Mustache.escape(String(context.lookup(token[1] ?? '') ?? ''));
  }
}
const htmlWriter = new HtmlWriter();

/** Sections that render nothing leave blank lines behind: trailing spaces go, blank runs shrink to one. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Already-escaped text to HTML: a blank line separates paragraphs, a single newline is a line break. */
export function paragraphsToHtml(escaped: string): string {
  return escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').join('<br>\n')}</p>`)
    .join('\n');
}

function missingValues(ctx: LetterContext, complaint: Complaint, meta: TemplateMeta) {
  const names: string[] = [];
  if (meta.outcomes && complaint.decision.outcome === null) names.push('decision.outcome');
  for (const v of meta.variables) {
    if (v.required && (!v.when || ctx[v.when]) && isBlank(lookup(ctx, v.name))) names.push(v.name);
  }
  if (mediatorRequired(meta, ctx.needsMediation)) {
    names.push(...MEDIATOR_FIELDS.filter((name) => isBlank(lookup(ctx, name))));
    // A complaint taken orally must first be confirmed in writing (L612-2): the letter must say where to.
    if (!ctx.writtenComplaint && isBlank(ctx.company.address) && isBlank(ctx.company.email)) {
      names.push('company.address');
    }
  }
  const labels = names.map(variableLabel);
  for (const input of meta.inputs.filter((i) => i.required && isBlank(ctx.inputs[i.id]))) {
    names.push(`inputs.${input.id}`);
    labels.push(input.label[getLang()]);
  }
  return { names, labels };
}

/** Renders template `templateId` for `complaint`, or says what is missing before it can be sent. */
export async function renderLetter(
  templateId: string,
  complaint: Complaint,
  settings: Settings,
  options: RenderOptions,
): Promise<RenderResult> {
  const { lang, now } = options;
  const resolved = resolveTemplate(templateId, lang);
  if (!resolved) {
    const message = t('letters.refused.unknownTemplate', { id: templateId });
    return { ok: false, templateId, version: 0, lang, missing: [], missingVariables: [], problems: [message], message };
  }
  const { meta } = resolved;
  const source = options.override?.source ?? resolved.source;
  const version = options.override?.version ?? resolved.version;
  const identity = { templateId: meta.id, version, lang };

  const inputs = formatInputs(meta.inputs, options.inputs ?? {}, lang);
  const ctx = letterContext(complaint, settings, inputs.values, now, lang);
  const problems = [
    ...validateTemplate(source, meta, { needsMediation: ctx.needsMediation }).map((p) => p.message),
    ...inputs.problems,
  ];
  const outcome = complaint.decision.outcome;
  if (meta.outcomes && outcome !== null && !meta.outcomes.includes(outcome)) {
    problems.push(t('letters.refused.outcome', { outcome: t(`letters.outcome.${outcome}`) }));
  }
  // A remedy the law owes is granted, not refused: an "unfavourable" answer granting it contradicts itself.
  if (meta.outcomes && outcome === 'unfavourable' && ctx.isLegal) {
    problems.push(t('letters.refused.legalWithUnfavourable'));
  }
  const missing = missingValues(ctx, complaint, meta);
  if (problems.length > 0 || missing.names.length > 0) {
    const message = [
      ...(missing.labels.length ? [t('letters.refused.missing', { list: missing.labels.join(', ') })] : []),
      ...(problems.length ? [t('letters.refused.problems', { list: problems.join(' ') })] : []),
    ].join(' ');
    return { ok: false, ...identity, missing: missing.labels, missingVariables: missing.names, problems, message };
  }

  const partials = { [MEDIATOR_PARTIAL_NAME]: MEDIATOR_PARTIAL[lang] };
  const text = tidy(Mustache.render(source, ctx, partials, { escape: (s: unknown) => String(s) }));
  const html = paragraphsToHtml(tidy(htmlWriter.render(source, ctx, partials)));
  return { ok: true, ...identity, text, html, sha256: await sha256Hex(text), missing: [] };
}
