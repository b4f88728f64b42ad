// The badge is right again after the browser restarts, before anything else happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OVERDUE_PHONE_COMPLAINT } from '../support/letter-settings';
import { badge, launch, sendFrom } from './support/chromium';

const profile = mkdtempSync(join(tmpdir(), 'registre-restart-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

describe('after a browser restart', () => {
  it('shows the overdue count on the badge again', async () => {
    const first = await launch({ userDataDir: profile });
    const page = await first.openPage('sidepanel.html');
    const input = OVERDUE_PHONE_COMPLAINT;
    expect((await sendFrom(page, { type: 'complaint/create', input })).ok).toBe(true);
    await expect.poll(async () => (await badge(first.worker)).text).toBe('1');
    await first.close();

    const second = await launch({ userDataDir: profile });
    await expect.poll(async () => (await badge(second.worker)).text, { timeout: 10_000 }).toBe('1');
    expect((await badge(second.worker)).title).toBe('1 réclamation(s) en retard, 0 à échéance proche');
    await second.close();
  });
});
