// The register as a CSV file for Excel in French: `;` between cells, CRLF between rows, UTF-8 with a BOM
// (without it Excel reads the accents as Windows-1252), dates dd/mm/yyyy in Paris time, decimal commas.
// Pure: the lines are built from the register's rows (lib/register/rows.ts), labels and `now`; papaparse
// does the quoting.
import Papa from 'papaparse';
import { clockStatus } from '../deadlines/clock';
import { type Lang, type MessageKey, t } from '../i18n';
import { CLOCKLESS_PHASES } from '../register/phases';
import type { RegisterRow } from '../register/rows';
import type { Clock, Phase } from '../register/schema';
import type { Category } from '../settings/schema';
import { frAmount, frDate, frDateTime, frDay, isStoredInstant } from './french';

export const BOM = '\uFEFF';
const CONFIG = { delimiter: ';', newline: '\r\n', quotes: false } as const;

/**
 * CSV injection (OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula
 * to Excel. A leading apostrophe makes it text. Checked on the first character only, so a formula spread
 * over several lines is caught too.
 */
export function neutralise(cell: string): string {
  return FORMULA_START.has(cell.charCodeAt(0)) ? `'${cell}` : cell;
}
const FORMULA_START = new Set([...'=+-@\t\r'].map((ch) => ch.charCodeAt(0)));

export interface CsvContext {
  now: Date;
  lang: Lang;
  categories: readonly Category[];
}

type ClockVerdict = 'met' | 'metLate' | 'overdue' | 'running' | 'notApplicable';

export function clockVerdict(
  clock: Pick<Clock, 'dueAt' | 'metAt'>,
  phase: Phase,
  now: Date,
  nowIso?: string,
): ClockVerdict {
  if (clock.metAt === null && CLOCKLESS_PHASES.includes(phase)) return 'notApplicable';
  // Stored instants (UTC, same length) compare as strings in time order: no date parsing per row.
  if (nowIso && isStoredInstant(clock.dueAt) && (clock.metAt === null || isStoredInstant(clock.metAt))) {
    if (clock.metAt !== null) return clock.metAt <= clock.dueAt ? 'met' : 'metLate';
    return clock.dueAt < nowIso ? 'overdue' : 'running';
  }
  const status = clockStatus(clock as Clock, now, 0);
  return status === 'dueSoon' ? 'running' : (status as ClockVerdict);
}

type Column = [MessageKey, (r: RegisterRow, x: Labels) => string];

interface Labels {
  now: Date;
  nowIso: string;
  say: (key: MessageKey) => string;
  category: (id: string) => string;
}

const yesNo = (x: Labels, value: boolean) => x.say(value ? 'data.csv.yes' : 'data.csv.no');
const clock = (which: 'ack' | 'answer') => (r: RegisterRow, x: Labels) =>
  x.say(
    `data.csv.clock.${clockVerdict(
      which === 'ack' ? { dueAt: r.ackDueAt, metAt: r.ackMetAt } : { dueAt: r.answerDueAt, metAt: r.answerMetAt },
      r.phase,
      x.now,
      x.nowIso,
    )}`,
  );

/** The columns, in order: French headers from the dictionaries, one cell each, read from the register's rows. */
export const COLUMNS: readonly Column[] = [
  ['data.csv.column.reference', (r) => r.reference],
  ['data.csv.column.receivedAt', (r) => frDateTime(r.receivedAt)],
  ['data.csv.column.channel', (r, x) => x.say(`channel.${r.channel}`)],
  ['data.csv.column.customerName', (r) => r.customerName],
  ['data.csv.column.customerEmail', (r) => r.customerEmail],
  ['data.csv.column.customerPhone', (r) => r.customerPhone],
  ['data.csv.column.customerNumber', (r) => r.customerNumber],
  ['data.csv.column.orderNumber', (r) => r.orderNumber],
  ['data.csv.column.customerCompany', (r) => r.customerCompany],
  ['data.csv.column.subject', (r) => r.subject],
  ['data.csv.column.category', (r, x) => x.category(r.category)],
  ['data.csv.column.product', (r) => r.product],
  ['data.csv.column.phase', (r, x) => x.say(`phase.${r.phase}`)],
  ['data.csv.column.severity', (r) => (r.severity === null ? '' : String(r.severity))],
  ['data.csv.column.justified', (r, x) => x.say(`justified.${r.justified}`)],
  ['data.csv.column.ackDue', (r) => frDateTime(r.ackDueAt)],
  ['data.csv.column.ackStatus', clock('ack')],
  ['data.csv.column.answerDue', (r) => frDateTime(r.answerDueAt)],
  ['data.csv.column.answerStatus', clock('answer')],
  ['data.csv.column.outcome', (r, x) => (r.outcome ? x.say(`ui.outcome.${r.outcome}`) : '')],
  ['data.csv.column.reasons', (r) => r.reasons],
  ['data.csv.column.nonConformity', (r, x) => yesNo(x, r.nonConformity)],
  ['data.csv.column.compensationKind', (r, x) => x.say(`ui.comp.${r.compensationKind}`)],
  ['data.csv.column.compensationAmount', (r) => frAmount(r.compensationAmount)],
  ['data.csv.column.compensationDescription', (r) => r.compensationDescription],
  [
    'data.csv.column.compensationMethod',
    (r, x) => (r.compensationMethod ? x.say(`ui.comp.method.${r.compensationMethod}`) : ''),
  ],
  ['data.csv.column.compensationDueDay', (r) => frDay(r.compensationDueDay)],
  ['data.csv.column.legalRemedy', (r, x) => (r.legalRemedy ? x.say(`ui.comp.remedy.${r.legalRemedy}`) : '')],
  ['data.csv.column.legalBasis', (r, x) => (r.legalBasis ? x.say(`ui.comp.basis.${r.legalBasis}`) : '')],
  ['data.csv.column.actions', (r) => String(r.actions)],
  ['data.csv.column.actionsOpen', (r) => String(r.actionsOpen)],
  ['data.csv.column.mediationReferredAt', (r) => frDate(r.mediationReferredAt)],
  [
    'data.csv.column.mediationOutcome',
    (r, x) => (r.mediationReferredAt ? x.say(`ui.medOutcome.${r.mediationOutcome}`) : ''),
  ],
  ['data.csv.column.closedAt', (r) => frDate(r.closedAt)],
];

/** Labels looked up once per export, not once per cell: an export of 100,000 rows asks for millions. */
function labels(ctx: CsvContext): Labels {
  const names = new Map(ctx.categories.map((c) => [c.id, c.label]));
  const said = new Map<MessageKey, string>();
  const say = (key: MessageKey) => {
    let text = said.get(key);
    if (text === undefined) {
      text = t(key, {}, ctx.lang);
      said.set(key, text);
    }
    return text;
  };
  return { now: ctx.now, nowIso: ctx.now.toISOString(), say, category: (id) => names.get(id) ?? id };
}

const unparse = (rows: string[][]) => `${Papa.unparse(rows, CONFIG)}\r\n`;

/** The header row (with the BOM that starts the file). */
export function csvHeader(lang: Lang): string {
  return BOM + unparse([COLUMNS.map(([key]) => neutralise(t(key, {}, lang)))]);
}

/** CSV lines for a batch of register rows (`rowOf` of each complaint), each ending with CRLF; the caller
 *  joins batches into the file. */
export function csvRows(rows: readonly RegisterRow[], ctx: CsvContext): string {
  if (rows.length === 0) return '';
  const x = labels(ctx);
  return unparse(rows.map((r) => COLUMNS.map(([, cell]) => neutralise(cell(r, x)))));
}
