// Small DOM helpers shared by the adapters. A selector is a fallback chain: the first entry that matches wins,
// so a stable hook (data-*, role, aria) can be preferred and an obfuscated class kept as the last resort.

/**
 * `within` names the selector of the same table whose matches scope this one (a message's sender is looked up
 * per message). Expected counts per saved page are test data: tests/webmail/selector-expectations.ts.
 */
export interface SelectorSpec {
  readonly chain: readonly string[];
  readonly within?: string;
}

/** The matches of the first selector in the chain that matches anything under `root`. */
export function queryChainAll(root: ParentNode, chain: readonly string[]): Element[] {
  for (const selector of chain) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** The first element matched by the first selector of the chain that matches, optionally filtered. */
export function queryChain(
  root: ParentNode,
  chain: readonly string[],
  accept: (el: Element) => boolean = () => true,
): Element | null {
  for (const selector of chain) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (accept(el)) return el;
    }
  }
  return null;
}

/** The closest ancestor (or self) matching any selector of the chain. */
export function closestChain(el: Element, chain: readonly string[]): Element | null {
  for (const selector of chain) {
    const found = el.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Hidden by the page's own markup (inline style or `hidden`), up to `stop`. No layout is needed. */
export function isHiddenByMarkup(el: Element, stop: Element | null = null): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  }
  return false;
}

/** Text of an attribute or '' (never null), trimmed. */
export function attr(el: Element | null | undefined, name: string): string {
  return (el?.getAttribute(name) ?? '').trim();
}

/** Whitespace-collapsed textContent: the only way page text is read (never innerHTML). */
export function plainText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Gmail and Outlook buttons react to the full pointer sequence, not to a bare click(). */
export function pressControl(control: Element): void {
  const view = control.ownerDocument.defaultView;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    control.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true, button: 0 }));
  }
}
