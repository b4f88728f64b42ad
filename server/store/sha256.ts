// The server's SHA-256 for sealing events: node:crypto's native digest, injected into the register's pure
// sealing functions (lib/register/history.ts TextHasher) in place of their plain-JavaScript one, which the
// extension keeps. Same digests byte for byte (tests/server/hasher.spec.ts); only faster on bulk replays.
import { createHash } from 'node:crypto';
import type { TextHasher } from '../../lib/register/history';

export const nodeSha256: TextHasher = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
