// Walks every selector of both adapters against the saved pages its expectations name
// (selector-expectations.ts): when a webmail moves a hook, the failing line names the selector and the page.
import { afterAll, describe, expect, it } from 'vitest';
import { queryChainAll, type SelectorSpec } from '../../lib/webmail/dom';
import { freescoutSelectors } from '../../lib/webmail/freescout-selectors';
import { gmailSelectors } from '../../lib/webmail/gmail-selectors';
import { outlookSelectors } from '../../lib/webmail/outlook-selectors';
import { zendeskSelectors } from '../../lib/webmail/zendesk-selectors';
import type { SavedPage } from '../../scripts/cli/saved-page';
import { fixtureAvailable, loadFixture } from './fixtures';
import {
  type Expectation,
  freescoutExpectations,
  gmailExpectations,
  outlookExpectations,
  zendeskExpectations,
} from './selector-expectations';

const pages = new Map<string, SavedPage>();
function page(name: string): Document {
  let loaded = pages.get(name);
  if (!loaded) {
    loaded = loadFixture(name);
    pages.set(name, loaded);
  }
  return loaded.document;
}
afterAll(async () => {
  for (const loaded of pages.values()) await loaded.close();
});

const tables: [string, Record<string, SelectorSpec>, Record<string, readonly Expectation[]>][] = [
  ['gmail', gmailSelectors, gmailExpectations],
  ['outlook', outlookSelectors, outlookExpectations],
  ['freescout', freescoutSelectors, freescoutExpectations],
  ['zendesk', zendeskSelectors, zendeskExpectations],
];

describe.each(tables)('%s selectors', (_adapter, table, expectations) => {
  const cases = Object.keys(table).flatMap((name) =>
    (expectations[name] ?? []).map(([count, file]) => ({ name, count, file })),
  );

  /** The matches of `name` on a page, looked up inside the matches of its `within` selector when it has one. */
  const matches = (name: string, doc: Document): Element[] => {
    const spec = table[name];
    if (!spec) throw new Error(`unknown selector ${name}`);
    const scopes: ParentNode[] = spec.within ? matches(spec.within, doc) : [doc];
    return scopes.flatMap((scope) => queryChainAll(scope, spec.chain));
  };

  // Expectations on a page of the shared set are skipped (not dropped) when the set is absent.
  const here = cases.filter((c) => fixtureAvailable(c.file));
  const absent = cases.filter((c) => !fixtureAvailable(c.file));
  it.each(here)('$name matches $count on $file', ({ name, count, file }) => {
    expect(matches(name, page(file))).toHaveLength(count);
  });
  if (absent.length > 0) it.skip.each(absent)('$name matches $count on $file', () => {});

  it('has a fallback and at least one expectation for every selector, all valid CSS', () => {
    const doc = page('gmail-handmade-hostile.html');
    for (const [name, spec] of Object.entries(table)) {
      expect(expectations[name]?.length ?? 0, `${name} has no expectation`).toBeGreaterThan(0);
      if (spec.within) expect(table[spec.within], `${name} within`).toBeDefined();
      for (const selector of spec.chain)
        expect(() => doc.querySelectorAll(selector), `${name}: ${selector}`).not.toThrow();
    }
    for (const name of Object.keys(expectations)) expect(table[name], `expectation for unknown ${name}`).toBeDefined();
  });
});
