// Limits that protect the service: requests per minute and token, and body sizes, answered in French.
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { addAgent } from '../../server/store/agents';
import { closeSharedPglite, openTestRegister } from './support/engines';
import { call } from './support/http';

afterAll(closeSharedPglite);

describe('limits', () => {
  it('answers 429 in French past the rate limit of a token, and 413 past the body limit', async () => {
    const reg = await openTestRegister('embedded');
    const app = await buildApp({ db: reg.db, schemaVersion: 2, rateLimit: 3 });
    try {
      const { token } = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Claire Martin', role: 'manager' });
      const { token: other } = await addAgent(reg.db, { org: 'Maison Lumen', name: 'Paul Durand', role: 'agent' });
      for (let i = 0; i < 3; i++) expect((await call(app, token, 'GET', '/settings')).status).toBe(200);
      const limited = await call(app, token, 'GET', '/settings');
      expect(limited).toEqual({ status: 429, body: { error: 'Trop de requêtes : réessayez dans un instant.' } });
      // Another agent's token has its own allowance.
      expect((await call(app, other, 'GET', '/settings')).status).toBe(200);
      const huge = await call(reg.app, token, 'PUT', '/settings', { company: { name: 'x'.repeat(300_000) } });
      expect(huge).toEqual({ status: 413, body: { error: 'Requête trop volumineuse.' } });
    } finally {
      await app.close();
      await reg.close();
    }
  });
});
