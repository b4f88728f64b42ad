// Checks a letter template before it is used: the options page's editor shows these French messages, and the
// renderer refuses a template that has any. Mustache syntax, known variables only, the required ones present,
// no unescaped tags, and the mediator block where the Code de la consommation (L616-1) demands it.
import Mustache from 'mustache';
import { getLang, type MessageKey, type Params, t } from '../i18n';
import { MEDIATOR_PARTIAL_NAME } from './catalog';
import type { TemplateMeta } from './meta';
import { knownVariable, variableLabel } from './variables';

export const PROBLEM_CODES = [
  'syntax',
  'unknownVariable',
  'unknownPartial',
  'unescaped',
  'missingRequired',
  'missingMediator',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export interface TemplateProblem {
  code: ProblemCode;
  /** Already translated (French unless the interface is in English). */
  message: string;
  name?: string;
  line?: number;
}

/** Where the mediator block sits: unconditional, only inside `{{#needsMediation}}`, under another condition, or nowhere. */
type MediatorPlacement = 'unconditional' | 'whenNeeded' | 'conditional' | 'absent';
const RANK: Record<MediatorPlacement, number> = { absent: 0, conditional: 1, whenNeeded: 2, unconditional: 3 };

// mustache.js tokens: [type, value, start, end, children?, …].
type Token = [string, string, number, number, Token[]?, ...unknown[]];

interface Scan {
  used: Set<string>;
  mediator: MediatorPlacement;
  problems: TemplateProblem[];
}

const problem = (code: ProblemCode, key: MessageKey, params: Params = {}): TemplateProblem => ({
  code,
  message: t(key, params),
  ...(typeof params.name === 'string' ? { name: params.name } : {}),
  ...(typeof params.line === 'number' ? { line: params.line } : {}),
});

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** mustache.js says what is wrong in English with a character offset: say it in French, with a line number. */
const SYNTAX_ERRORS: [RegExp, MessageKey][] = [
  [/^Unclosed tag at (\d+)/, 'letters.validate.unclosedTag'],
  [/^Unclosed section "(.*)" at (\d+)/, 'letters.validate.unclosedSection'],
  [/^Unopened section "(.*)" at (\d+)/, 'letters.validate.unopenedSection'],
];

function syntaxProblem(source: string, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  let details = message;
  for (const [pattern, key] of SYNTAX_ERRORS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const line = lineAt(source, Number(m.at(-1)));
    details = t(key, m.length > 2 ? { name: m[1] ?? '', line } : { line });
    break;
  }
  return problem('syntax', 'letters.validate.syntax', { details });
}

function scan(source: string, inputIds: readonly string[]): Scan {
  const result: Scan = { used: new Set(), mediator: 'absent', problems: [] };
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as unknown as Token[];
  } catch (error) {
    result.problems.push(syntaxProblem(source, error));
    return result;
  }
  const isInput = (name: string) => name.startsWith('inputs.') && inputIds.includes(name.slice('inputs.'.length));
  const walk = (list: Token[], lists: string[][], sections: string[]) => {
    for (const [type, name, start, , children] of list) {
      const line = lineAt(source, start);
      if (type === '>') {
        if (name !== MEDIATOR_PARTIAL_NAME) {
          result.problems.push(problem('unknownPartial', 'letters.validate.unknownPartial', { name, line }));
          continue;
        }
        const placement: MediatorPlacement =
          sections.length === 0
            ? 'unconditional'
            : sections.every((s) => s === '#needsMediation')
              ? 'whenNeeded'
              : 'conditional';
        if (RANK[placement] > RANK[result.mediator]) result.mediator = placement;
        continue;
      }
      if (!['name', '&', '#', '^'].includes(type)) continue;
      if (type === '&') result.problems.push(problem('unescaped', 'letters.validate.unescaped', { line }));
      const inList = lists.some((keys) => keys.includes(name)) || (name === '.' && lists.length > 0);
      const known = knownVariable(name) !== undefined || isInput(name);
      if (!known && !inList) {
        result.problems.push(problem('unknownVariable', 'letters.validate.unknownVariable', { name, line }));
      } else if (!inList) {
        result.used.add(name);
      }
      if ((type === '#' || type === '^') && children) {
        const itemKeys = type === '#' && !inList ? knownVariable(name)?.itemKeys : undefined;
        walk(children, itemKeys ? [...lists, itemKeys] : lists, [...sections, `${type}${name}`]);
      }
    }
  };
  walk(tokens, [], []);
  return result;
}

/** The variables a template uses at the top level (list item fields excluded), for the editor and the tests. */
export function templateVariables(source: string, inputIds: readonly string[] = []): string[] {
  return [...scan(source, inputIds).used].sort();
}

/** Whether the mediator block must be in this template; `needsMediation` is unknown in the editor, so it counts as yes. */
export function mediatorRequired(meta: TemplateMeta, needsMediation = true): 'unconditional' | 'whenNeeded' | null {
  if (meta.mediator === 'always') return 'unconditional';
  if (meta.mediator === 'whenNotFavourable' && needsMediation) return 'whenNeeded';
  return null;
}

/** Every problem of `source` used as the template `meta`, as French messages; empty when it may be used. */
export function validateTemplate(
  source: string,
  meta: TemplateMeta,
  options: { needsMediation?: boolean } = {},
): TemplateProblem[] {
  const inputIds = meta.inputs.map((i) => i.id);
  const result = scan(source, inputIds);
  if (result.problems.some((p) => p.code === 'syntax')) return result.problems;
  const problems = [...result.problems];
  for (const v of meta.variables.filter((v) => v.required && !result.used.has(v.name))) {
    problems.push(
      problem('missingRequired', 'letters.validate.missingRequired', { name: v.name, label: variableLabel(v.name) }),
    );
  }
  for (const input of meta.inputs.filter((i) => i.required && !result.used.has(`inputs.${i.id}`))) {
    const label = input.label[getLang()];
    problems.push(
      problem('missingRequired', 'letters.validate.missingRequired', { name: `inputs.${input.id}`, label }),
    );
  }
  const needed = mediatorRequired(meta, options.needsMediation ?? true);
  if (needed && RANK[result.mediator] < RANK[needed]) {
    problems.push(problem('missingMediator', 'letters.validate.missingMediator'));
  }
  return problems;
}
