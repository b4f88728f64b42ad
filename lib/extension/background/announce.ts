// Telling every context that the register changed: a bump of one storage.local key they all listen to,
// then the badge. The writes of the handlers and the changes pulled from the team server both come here.
import { browser } from 'wxt/browser';
import type { RegisterChange } from '../../protocol/messages';
import { CHANGE_KEY } from '../transport';
import { refreshBadgeSafely } from './badge';

let changeSeq = 0;

export async function announceChange(ids: string[]): Promise<void> {
  const now = new Date();
  const change: RegisterChange = { at: now.toISOString(), ids, seq: ++changeSeq };
  await browser.storage.local.set({ [CHANGE_KEY]: change });
  await refreshBadgeSafely(now);
}
