// The offline demo mailbox: served at mail.google.com inside the demo browser only (never shipped).
import type { BrowserContext } from 'playwright-core';

/** Routes the demo mailbox and returns its address, or null while no mailbox is bundled. */
export async function installDemoMailbox(_context: BrowserContext): Promise<string | null> {
  return null;
}
