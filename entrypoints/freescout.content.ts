import { startWebmail } from '@/lib/extension/content/start';
import { freescoutAdapter } from '@/lib/webmail/freescout';

// Registered at run time for the agent's own FreeScout origin (lib/extension/helpdesks.ts), never in the
// manifest: the extension asks for no helpdesk host at install.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startWebmail(freescoutAdapter, document, (stop) => ctx.onInvalidated(stop));
  },
});
