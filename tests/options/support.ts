// The options page in a component test: a fresh browser and register, the real background answering its
// messages, French; the page unmounted and the spies restored after each test.
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { setLang } from '@/lib/i18n';
import { freshDatabase } from '../support/complaints';

export function useOptionsPage(): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshDatabase();
    startBackground();
    setLang('fr');
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
