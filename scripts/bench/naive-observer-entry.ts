// The naive way of following Gmail, for comparison: re-read every message on every mutation callback,
// with no debounce and no early exit.
import { gmailAdapter } from '@/lib/webmail/gmail';

const read = { timeZone: 'Europe/Paris' };
let reads = 0;
new MutationObserver(() => {
  reads += gmailAdapter.readMessages(document, read).length;
}).observe(document.body, { childList: true, subtree: true });
(globalThis as unknown as { __naive: { reads: () => number } }).__naive = { reads: () => reads };
