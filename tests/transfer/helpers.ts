// A small register built through the protocol, as agents build it: complaints at different steps, notes,
// one anonymised (redacted history), settings, an edited letter and one record set aside in quarantine.

import { send } from '@/lib/extension/protocol';
import { SHIPPED_SOURCES } from '@/lib/letters/catalog';
import type { Complaint } from '@/lib/register/schema';
import { registerDb } from '@/lib/register/store/db';
import { quarantineInvalid } from '@/lib/register/store/quarantine';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { exportBackup } from '@/lib/transfer/export';
import { newInput } from '../support/complaints';

export const NOW = new Date('2026-03-20T10:00:00Z');

export async function buildRegister(): Promise<Complaint[]> {
  await send({ type: 'settings/save', settings: { ...DEFAULT_SETTINGS, agentName: 'Agent test', retentionYears: 3 } });
  const edited = SHIPPED_SOURCES.fr['accuse-reception'].replace(
    '{{customer.salutation}},',
    'Chère cliente, cher client,',
  );
  await send({ type: 'templates/save', id: 'accuse-reception', lang: 'fr', source: edited });
  const made: Complaint[] = [];
  for (let i = 1; i <= 4; i++) {
    made.push(
      await send<Complaint>({
        type: 'complaint/create',
        input: newInput({
          customer: { name: `Client ${i}; "ancien"`, email: `client${i}@example.fr`, phone: '+33612345678' },
          subject: i === 2 ? '=HYPERLINK("http://evil")' : `Réclamation ${i}`,
          source: { webmail: 'gmail', messageId: `msg-f:${i}`, threadId: `thread-f:${i}` },
        }),
      }),
    );
  }
  const [a, b, c] = made as [Complaint, Complaint, Complaint];
  await send({ type: 'complaint/transition', id: a.id, to: 'acknowledged' });
  await send({ type: 'complaint/note', id: a.id, text: 'Client rappelé, colis photographié.' });
  await send({ type: 'complaint/update', id: b.id, patch: { severity: 3, summary: 'Lien piégé dans l’objet' } });
  await send({ type: 'complaint/anonymize', id: c.id, reason: 'request' });
  // A record that no longer parses, moved aside as the background does at start.
  const db = await registerDb();
  await db.put('complaints', { ...a, id: crypto.randomUUID(), reference: 'REC-2026-9999', phase: 'lost' } as never);
  await quarantineInvalid(NOW);
  return made;
}

export async function backupText(now = NOW): Promise<string> {
  return (await exportBackup(now)).blob.text();
}

export const fileOf = (text: string) => new Blob([text], { type: 'application/json' });
