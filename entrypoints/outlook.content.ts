import { startWebmail } from '@/lib/extension/content/start';
import { outlookAdapter } from '@/lib/webmail/outlook';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startWebmail(outlookAdapter, document, (stop) => ctx.onInvalidated(stop));
  },
});
