// The agent's token is kept apart from the settings: no backup (either format) and no CSV export holds it,
// and the sync state the background shows the pages never carries it. Nor the organisation's ETags kept beside it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { SYNC_STATUS_KEY } from '@/lib/extension/team';
import { rowOf } from '@/lib/register/rows';
import { listAll } from '@/lib/register/store/queries';
import { productSync } from '@/lib/register/store/sync-state';
import { freshDatabase } from '../support/complaints';
import { backupGzip, backupText, buildRegister, gunzipText } from '../transfer/helpers';

const TOKEN = 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja';
const ETAG = '"Zq3xEtagDeLOrganisation"';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
});

describe('the agent token', () => {
  it('appears in no backup, not in what exports read and no state shown to the pages', async () => {
    // Built before joining: an agent of a team edits no letter (the organisation's are in force).
    await buildRegister();
    await productSync.saveConnection({
      server: 'https://registre.example.fr',
      token: TOKEN,
      agent: { id: crypto.randomUUID(), name: 'Claire Martin', role: 'agent', org: 'Maison Lumen' },
      connectedAt: new Date().toISOString(),
    });
    expect((await productSync.getConnection())?.token).toBe(TOKEN);
    // The ETags of the organisation's settings and letters are kept beside the token, and as private.
    const server = 'https://registre.example.fr';
    await productSync.applyOrgSettings(null, null, { server, org: 'Maison Lumen', settings: ETAG, templates: ETAG });
    expect(await productSync.getOrgTags(server, 'Maison Lumen')).toEqual({ settings: ETAG, templates: ETAG });

    expect(await backupText()).not.toContain(TOKEN);
    expect(await gunzipText(await backupGzip())).not.toContain(TOKEN);
    expect(await backupText()).not.toContain(ETAG);
    // The CSV export is written from the complaints' rows.
    expect(JSON.stringify((await listAll()).map(rowOf))).not.toContain(TOKEN);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain(TOKEN);
    expect(stored).toContain(SYNC_STATUS_KEY);
  });
});
