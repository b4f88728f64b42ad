import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { rowOf } from '@/lib/register/rows';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { BOM, COLUMNS, clockVerdict, csvHeader, csvRows, neutralise } from '@/lib/transfer/csv';
import { frAmount, frDate, frDateTime, frDay } from '@/lib/transfer/french';
import { complaint, readyToAnswer } from '../support/complaints';

const ctx = { now: new Date('2026-03-20T10:00:00Z'), lang: 'fr' as const, categories: DEFAULT_SETTINGS.categories };
/** Reads our CSV back the way Excel does: `;` cells, CRLF rows, quoted cells unquoted. */
const readBack = (text: string) => Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n' }).data;
const cell = (row: string[] | undefined, key: string) => row?.[COLUMNS.findIndex(([k]) => k === key)];

describe('the CSV export for French Excel', () => {
  it('starts with a UTF-8 BOM and French headers separated by semicolons, rows ending in CRLF', () => {
    const header = csvHeader('fr');
    expect(header.startsWith(BOM)).toBe(true);
    expect(header.endsWith('\r\n')).toBe(true);
    expect(header.slice(1).startsWith('Référence;Reçue le;Canal;Client;E-mail du client;')).toBe(true);
    expect(readBack(header.slice(1))[0]).toHaveLength(COLUMNS.length);
    const rows = csvRows([complaint(), complaint()].map(rowOf), ctx);
    expect(rows.split('\r\n')).toHaveLength(3); // two rows and the final CRLF
    expect(rows).not.toMatch(/[^\r]\n/);
  });

  it('writes dates as dd/mm/yyyy in Paris time, date-times with HH:MM, amounts with a decimal comma', () => {
    expect(frDate('2026-03-02T23:30:00Z')).toBe('03/03/2026'); // already the 3rd in Paris (UTC+1)
    expect(frDateTime('2026-03-02T09:05:00Z')).toBe('02/03/2026 10:05');
    expect(frDateTime('2026-07-14T21:59:00Z')).toBe('14/07/2026 23:59'); // summer time, UTC+2
    expect(frDateTime('2026-03-29T00:59:00Z')).toBe('29/03/2026 01:59'); // the night clocks go forward
    expect(frDateTime('2026-03-29T01:00:00Z')).toBe('29/03/2026 03:00');
    expect(frDay('2026-02-28')).toBe('28/02/2026');
    expect(frAmount(30)).toBe('30,00');
    expect(frAmount(1234.5)).toBe('1234,50');
    expect(frAmount(null)).toBe('');

    const answered = readyToAnswer();
    const [row] = readBack(csvRows([answered].map(rowOf), ctx));
    expect(cell(row, 'data.csv.column.receivedAt')).toBe('02/03/2026 10:00');
    expect(cell(row, 'data.csv.column.compensationAmount')).toBe('30,00');
    expect(cell(row, 'data.csv.column.category')).toBe('Livraison (retard, perte, colis endommagé)');
    expect(cell(row, 'data.csv.column.phase')).toBe('En cours d’analyse');
    expect(cell(row, 'data.csv.column.outcome')).toBe('Favorable');
    expect(cell(row, 'data.csv.column.justified')).toBe('Fondée');
    expect(cell(row, 'data.csv.column.channel')).toBe('E-mail');
  });

  it('formats stored instants (UTC with milliseconds) the same way, across both changes of time', () => {
    const cases: [string, string][] = [
      ['2026-03-02T09:05:00.000Z', '02/03/2026 10:05'],
      ['2026-03-02T23:30:00.000Z', '03/03/2026 00:30'],
      ['2026-03-29T00:59:00.000Z', '29/03/2026 01:59'],
      ['2026-03-29T01:00:00.000Z', '29/03/2026 03:00'],
      ['2026-10-25T00:59:59.999Z', '25/10/2026 02:59'],
      ['2026-10-25T01:00:00.000Z', '25/10/2026 02:00'],
      ['2026-12-31T23:00:00.000Z', '01/01/2027 00:00'],
    ];
    for (const [iso, paris] of cases) {
      expect(frDateTime(iso)).toBe(paris);
      expect(frDateTime(iso.replace('.000Z', 'Z').replace('.999Z', 'Z'))).toBe(paris); // the general path
      expect(frDate(iso)).toBe(paris.slice(0, 10));
    }
    expect(frDateTime('pas une date')).toBe('');
  });

  it('compares stored instants as text only where that gives what the deadline clock says', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const instants = [
      '2026-03-10T11:59:59.999Z',
      '2026-03-10T12:00:00.000Z',
      '2026-03-10T12:00:00.001Z',
      '2026-03-09T08:00:00.000Z',
    ];
    for (const dueAt of instants) {
      for (const metAt of [null, ...instants]) {
        const fast = clockVerdict({ dueAt, metAt }, 'investigating', now, now.toISOString());
        expect(fast).toBe(clockVerdict({ dueAt, metAt }, 'investigating', now));
      }
    }
    expect(clockVerdict({ dueAt: instants[0] as string, metAt: null }, 'notComplaint', now, now.toISOString())).toBe(
      'notApplicable',
    );
  });

  it('says for each deadline whether it was met, met late, is overdue or still running', () => {
    const base = complaint(); // received 2 March: acknowledgement due 4 March, answer 12 March
    const metOnTime = {
      ...base,
      clocks: { ...base.clocks, ack: { ...base.clocks.ack, metAt: '2026-03-03T09:00:00.000Z' } },
    };
    const metLate = {
      ...base,
      clocks: { ...base.clocks, ack: { ...base.clocks.ack, metAt: '2026-03-05T09:00:00.000Z' } },
    };
    const early = { ...ctx, now: new Date('2026-03-03T10:00:00Z') };
    const status = (c: typeof base, at = ctx) => [
      cell(readBack(csvRows([c].map(rowOf), at))[0], 'data.csv.column.ackStatus'),
      cell(readBack(csvRows([c].map(rowOf), at))[0], 'data.csv.column.answerStatus'),
    ];
    expect(status(metOnTime)).toEqual(['respecté', 'en retard']);
    expect(status(metLate)).toEqual(['respecté en retard', 'en retard']);
    expect(status(base, early)).toEqual(['en cours', 'en cours']);
    expect(cell(readBack(csvRows([base].map(rowOf), ctx))[0], 'data.csv.column.ackDue')).toBe('04/03/2026 10:00');
  });

  it('quotes cells holding a semicolon, a quote or a line break, so Excel reads them back whole', () => {
    const tricky = complaint({
      subject: 'Colis "express"; jamais reçu',
      excerpt: 'x',
      customer: { name: 'Martin; Claire', email: 'claire@example.fr' },
      product: 'Ligne 1\nLigne 2\r\nLigne 3',
    });
    const text = csvRows([tricky].map(rowOf), ctx);
    expect(text).toContain('"Colis ""express""; jamais reçu"');
    const [row] = readBack(text);
    expect(row).toHaveLength(COLUMNS.length);
    expect(cell(row, 'data.csv.column.subject')).toBe('Colis "express"; jamais reçu');
    expect(cell(row, 'data.csv.column.customerName')).toBe('Martin; Claire');
    expect(cell(row, 'data.csv.column.product')).toBe('Ligne 1\nLigne 2\r\nLigne 3');
  });

  it('neutralises cells that Excel would run as formulas (=, +, -, @, tab, carriage return)', () => {
    for (const formula of ['=HYPERLINK("http://evil")', '+33 6 12 34 56 78', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralise(formula)).toBe(`'${formula}`);
    }
    expect(neutralise('Colis = cassé')).toBe('Colis = cassé');
    expect(neutralise('')).toBe('');
    const hostile = complaint({
      subject: '=cmd|"/c calc"!A1',
      customer: { name: '@Claire', email: 'claire@example.fr', phone: '+33612345678' },
      product: '=1+1\n(sur deux lignes)',
    });
    const [row] = readBack(csvRows([hostile].map(rowOf), ctx));
    expect(cell(row, 'data.csv.column.subject')).toBe('\'=cmd|"/c calc"!A1');
    expect(cell(row, 'data.csv.column.customerName')).toBe("'@Claire");
    expect(cell(row, 'data.csv.column.customerPhone')).toBe("'+33612345678");
    expect(cell(row, 'data.csv.column.product')).toBe("'=1+1\n(sur deux lignes)");
    for (const value of row ?? []) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says how and when money is paid, names a remedy owed by law with its ground, and leaves the letters out', () => {
    const ready = readyToAnswer(
      complaint({ customer: { civility: 'madame', name: 'Claire Martin', company: 'Lumen SARL' } }),
    );
    const [financial] = readBack(csvRows([ready].map(rowOf), ctx));
    expect(cell(financial, 'data.csv.column.customerCompany')).toBe('Lumen SARL');
    expect(cell(financial, 'data.csv.column.compensationMethod')).toBe(
      'Remboursement sur le moyen de paiement d’origine',
    );
    expect(cell(financial, 'data.csv.column.compensationDueDay')).toBe('16/03/2026');
    expect(cell(financial, 'data.csv.column.legalRemedy')).toBe('');

    const refund = {
      ...ready,
      compensation: {
        ...ready.compensation,
        kind: 'legal' as const,
        legalRemedy: 'refund' as const,
        legalBasis: 'transport' as const,
        method: 'transfer' as const,
      },
      letters: [
        {
          templateId: 'answer-favourable',
          templateVersion: 1,
          lang: 'fr' as const,
          sha256: 'a'.repeat(64),
          at: '2026-03-10T09:00:00.000Z',
          channel: 'reply' as const,
          sent: { text: 'Madame, nous vous remboursons 30 € (texte envoyé)', html: '<p>texte envoyé</p>', inputs: {} },
        },
      ],
    };
    const text = csvRows([refund].map(rowOf), ctx);
    const [legal] = readBack(text);
    expect(cell(legal, 'data.csv.column.compensationKind')).toBe(t('ui.comp.legal', {}, 'fr'));
    expect(cell(legal, 'data.csv.column.legalRemedy')).toBe('Remboursement');
    expect(cell(legal, 'data.csv.column.legalBasis')).toContain('Colis endommagé pendant le transport');
    expect(cell(legal, 'data.csv.column.compensationMethod')).toBe('Virement');
    expect(cell(legal, 'data.csv.column.compensationAmount')).toBe('30,00');
    expect(text).not.toContain('texte envoyé');
  });

  it('takes its headers from the dictionaries (English when asked)', () => {
    expect(csvHeader('en').slice(1).startsWith('Reference;Received;Channel;')).toBe(true);
    expect(csvHeader('fr')).toContain(t('data.csv.column.answerStatus', {}, 'fr'));
  });
});
