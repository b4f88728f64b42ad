// The register as a CSV file for Excel in French: `;` between cells, CRLF between rows, UTF-8 with a BOM
// (without it Excel reads the accents as Windows-1252), dates dd/mm/yyyy in Paris time, decimal commas.
// Pure: the rows are built from complaints, labels and `now`; papaparse does the quoting.
import Papa from 'papaparse';
import { clockStatus } from '../deadlines/clock';
import { type Lang, type MessageKey, t } from '../i18n';
import { CLOCKLESS_PHASES } from '../register/phases';
import type { Clock, Complaint } from '../register/schema';
import type { Category } from '../settings/schema';
import { frAmount, frDate, frDateTime } from './french';

export const BOM = '\uFEFF';
const CONFIG = { delimiter: ';', newline: '\r\n', quotes: false } as const;

/**
 * CSV injection (OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula
 * to Excel. A leading apostrophe makes it text. Checked on the first character only, so a formula spread
 * over several lines is caught too.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export interface CsvContext {
  now: Date;
  lang: Lang;
  categories: readonly Category[];
}

type ClockVerdict = 'met' | 'metLate' | 'overdue' | 'running' | 'notApplicable';

export function clockVerdict(clock: Clock, phase: Complaint['phase'], now: Date): ClockVerdict {
  if (clock.metAt === null && CLOCKLESS_PHASES.includes(phase)) return 'notApplicable';
  const status = clockStatus(clock, now, 0);
  return status === 'dueSoon' ? 'running' : (status as ClockVerdict);
}

type Column = [MessageKey, (c: Complaint, x: Labels) => string];

interface Labels {
  now: Date;
  say: (key: MessageKey) => string;
  category: (id: string) => string;
}

const yesNo = (x: Labels, value: boolean) => x.say(value ? 'data.csv.yes' : 'data.csv.no');
const clock = (which: 'ack' | 'answer') => (c: Complaint, x: Labels) =>
  x.say(`data.csv.clock.${clockVerdict(c.clocks[which], c.phase, x.now)}`);

/** The columns, in order: French headers from the dictionaries, one cell each. */
export const COLUMNS: readonly Column[] = [
  ['data.csv.column.reference', (c) => c.reference],
  ['data.csv.column.receivedAt', (c) => frDateTime(c.receivedAt)],
  ['data.csv.column.channel', (c, x) => x.say(`channel.${c.channel}`)],
  ['data.csv.column.customerName', (c) => c.customer.name],
  ['data.csv.column.customerEmail', (c) => c.customer.email ?? ''],
  ['data.csv.column.customerPhone', (c) => c.customer.phone ?? ''],
  ['data.csv.column.customerNumber', (c) => c.customer.customerNumber ?? ''],
  ['data.csv.column.orderNumber', (c) => c.customer.orderNumber ?? ''],
  ['data.csv.column.subject', (c) => c.subject],
  ['data.csv.column.category', (c, x) => x.category(c.category)],
  ['data.csv.column.product', (c) => c.product],
  ['data.csv.column.phase', (c, x) => x.say(`phase.${c.phase}`)],
  ['data.csv.column.severity', (c) => (c.severity === null ? '' : String(c.severity))],
  ['data.csv.column.justified', (c, x) => x.say(`justified.${c.justified}`)],
  ['data.csv.column.ackDue', (c) => frDateTime(c.clocks.ack.dueAt)],
  ['data.csv.column.ackStatus', clock('ack')],
  ['data.csv.column.answerDue', (c) => frDateTime(c.clocks.answer.dueAt)],
  ['data.csv.column.answerStatus', clock('answer')],
  ['data.csv.column.outcome', (c, x) => (c.decision.outcome ? x.say(`ui.outcome.${c.decision.outcome}`) : '')],
  ['data.csv.column.reasons', (c) => c.decision.reasons],
  ['data.csv.column.nonConformity', (c, x) => yesNo(x, c.decision.nonConformity)],
  ['data.csv.column.compensationKind', (c, x) => x.say(`ui.comp.${c.compensation.kind}`)],
  ['data.csv.column.compensationAmount', (c) => frAmount(c.compensation.amountEuros)],
  ['data.csv.column.compensationDescription', (c) => c.compensation.description],
  ['data.csv.column.actions', (c) => String(c.followUp.length)],
  ['data.csv.column.actionsOpen', (c) => String(c.followUp.filter((a) => a.doneAt === null).length)],
  ['data.csv.column.mediationReferredAt', (c) => frDate(c.mediation.referredAt)],
  [
    'data.csv.column.mediationOutcome',
    (c, x) => (c.mediation.referredAt ? x.say(`ui.medOutcome.${c.mediation.outcome}`) : ''),
  ],
  ['data.csv.column.closedAt', (c) => frDate(c.closure.closedAt)],
];

function labels(ctx: CsvContext): Labels {
  const names = new Map(ctx.categories.map((c) => [c.id, c.label]));
  return { now: ctx.now, say: (key) => t(key, {}, ctx.lang), category: (id) => names.get(id) ?? id };
}

const unparse = (rows: string[][]) => `${Papa.unparse(rows, CONFIG)}\r\n`;

/** The header row (with the BOM that starts the file). */
export function csvHeader(lang: Lang): string {
  return BOM + unparse([COLUMNS.map(([key]) => neutralise(t(key, {}, lang)))]);
}

export function csvCells(c: Complaint, ctx: CsvContext): string[] {
  const x = labels(ctx);
  return COLUMNS.map(([, cell]) => neutralise(cell(c, x)));
}

/** Rows for a batch of complaints, each ending with CRLF; the caller joins batches into the file. */
export function csvRows(complaints: readonly Complaint[], ctx: CsvContext): string {
  if (complaints.length === 0) return '';
  const x = labels(ctx);
  return unparse(complaints.map((c) => COLUMNS.map(([, cell]) => neutralise(cell(c, x)))));
}
