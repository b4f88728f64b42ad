// The background comes back with Firefox: after a restart, the register is there and the badge is right again,
// before anything else happens (Firefox does not keep a badge across a restart: the background sets it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OVERDUE_PHONE_COMPLAINT } from '../support/letter-settings';
import { removeTemporary } from '../support/temporary';
import { launchFirefox, registerContents, sendFrom } from './support/firefox';

const profile = mkdtempSync(join(tmpdir(), 'registre-firefox-restart-'));
afterAll(() => removeTemporary(profile));

describe('Firefox: after a restart', () => {
  it('keeps the register and shows the overdue count on the toolbar badge again', async () => {
    const first = await launchFirefox({ profile, install: 'permanent' });
    const page = await first.openPage('sidepanel.html');
    const input = OVERDUE_PHONE_COMPLAINT;
    expect((await sendFrom(page, { type: 'complaint/create', input })).ok).toBe(true);
    await expect.poll(async () => (await first.toolbarBadge()).text, { timeout: 15_000 }).toBe('1');
    await first.close();

    const second = await launchFirefox({ profile, install: 'none' });
    const title = '1 réclamation(s) en retard, 0 à échéance proche';
    await expect.poll(() => second.toolbarBadge(), { timeout: 20_000 }).toEqual({ text: '1', tooltip: title });
    const after = await second.openPage('sidepanel.html');
    expect((await registerContents<{ subject: string }>(after)).map((c) => c.subject)).toEqual(['Facture erronée']);
    await second.close();
  });
});
