// A dedicated worker that reads, checks and encodes its share of a backup's runs of complaints
// (lib/transfer/backup-parts.ts); the management page's backup starts two. Loaded from the extension's own
// files only; it sends nothing anywhere.
import { serveBackupParts } from '@/lib/transfer/backup-parts';

export default defineUnlistedScript(() => {
  serveBackupParts(self as unknown as Parameters<typeof serveBackupParts>[0]);
});
