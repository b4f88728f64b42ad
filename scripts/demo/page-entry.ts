// The demo mailbox page's script (bundled into the page by page.ts): reads the embedded mailbox and starts.
import { startDemoMailbox } from './app';
import { MailboxSchema } from './model';

const data = document.getElementById('dm-data')?.textContent ?? 'null';
startDemoMailbox(document, MailboxSchema.parse(JSON.parse(data)));
