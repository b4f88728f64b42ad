import { startWebmail } from '@/lib/extension/content/start';
import { createZendeskAdapter } from '@/lib/webmail/zendesk';
import { sameOriginJson } from '@/lib/webmail/zendesk-api';

// Registered at run time for the agent's own Zendesk subdomain (lib/extension/helpdesks.ts), never in the
// manifest. The REST API is read from the page's own origin, with the agent's session.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const adapter = createZendeskAdapter(sameOriginJson(window.fetch.bind(window)));
    startWebmail(adapter, document, (stop) => ctx.onInvalidated(stop));
  },
});
