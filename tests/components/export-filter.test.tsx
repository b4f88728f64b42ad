// The side panel's «export the selection» button: the register list's current filter, or the whole
// register when none is set; the file goes to the browser's downloads and the panel says what was saved.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportFilterButton } from '@/components/data/ExportFilterButton';
import { startBackground } from '@/lib/extension/background/start';
import { send } from '@/lib/extension/protocol';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { freshDatabase, newInput } from '../support/complaints';

let saved: Blob[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
  saved = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    saved.push(blob as Blob);
    return 'blob:registre';
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function subjectsSaved(): Promise<string[]> {
  const text = await (saved.at(-1) as Blob).text();
  const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
  const subject = rows[0]?.indexOf('Objet') ?? -1;
  expect(subject).toBeGreaterThan(-1);
  return rows
    .slice(1)
    .map((r) => r[subject] ?? '')
    .sort();
}

describe('the export of the register list', () => {
  beforeEach(async () => {
    await send({
      type: 'complaint/create',
      input: newInput({ subject: 'Facture en double', category: 'facturation' }),
    });
    await send({ type: 'complaint/create', input: newInput({ subject: 'Colis perdu', category: 'livraison' }) });
  });

  it('saves only what the current filter shows, and says how many', async () => {
    render(<ExportFilterButton filter={{ category: 'facturation' }} settings={DEFAULT_SETTINGS} />);
    fireEvent.click(screen.getByTestId('export-filter'));
    expect((await screen.findByRole('status')).textContent).toMatch(/^1 réclamation/);
    expect(await subjectsSaved()).toEqual(['Facture en double']);
  });

  it('saves the whole register when no filter is set', async () => {
    render(<ExportFilterButton filter={{}} settings={DEFAULT_SETTINGS} />);
    fireEvent.click(screen.getByTestId('export-filter'));
    expect((await screen.findByRole('status')).textContent).toMatch(/^2 réclamation/);
    expect(await subjectsSaved()).toEqual(['Colis perdu', 'Facture en double']);
  });
});
