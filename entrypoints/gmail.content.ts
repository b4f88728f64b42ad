import { startWebmail } from '@/lib/extension/content/start';
import { gmailAdapter } from '@/lib/webmail/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startWebmail(gmailAdapter, document, (stop) => ctx.onInvalidated(stop));
  },
});
