// A dedicated worker of the manage page and the side panel: builds its share of the register's CSV
// (lib/transfer/csv-worker.ts). Loaded from the extension's own files only; it sends nothing anywhere.
import { serveCsvJobs } from '@/lib/transfer/csv-worker';

export default defineUnlistedScript(() => {
  serveCsvJobs(self as unknown as Parameters<typeof serveCsvJobs>[0]);
});
