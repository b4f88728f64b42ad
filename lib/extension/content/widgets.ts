// The elements the extension adds to the webmail page: the "log complaint" button and the chips of
// logged messages and threads. Built with createElement and textContent only; each carries a
// data-testid, is a real <button> (keyboard reachable) and has an accessible name in the agent's
// language (worded by the background, which holds the dictionaries).
import type { ChipView, SpotView } from '../../protocol/webmail';

export const MARK = 'data-rr';
const STYLE_ID = 'rr-styles';

const CSS = `
.rr-log,.rr-chip{font:500 12px/16px system-ui,Roboto,Arial,sans-serif;border-radius:12px;padding:3px 10px;margin:0 6px;cursor:pointer;border:1px solid #dadce0;background:#fff;color:#1a73e8;vertical-align:middle;white-space:nowrap}
.rr-log:hover,.rr-chip:hover{background:#f1f3f4}
.rr-log:focus-visible,.rr-chip:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.rr-log--likely{background:#fef7e0;border-color:#f9ab00;color:#8a4a00}
.rr-chip{color:#202124;background:#e8f0fe;border-color:#d2e3fc}
.rr-chip--dueSoon{background:#fef7e0;border-color:#f9ab00;color:#8a4a00}
.rr-chip--overdue{background:#fce8e6;border-color:#c5221f;color:#a50e0e;font-weight:700}
.rr-chip--row{font-size:11px;padding:0 6px;margin:0 4px 0 0}
`;

export function ensureStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).append(style);
}

function button(
  doc: Document,
  testId: string,
  className: string,
  text: string,
  label: string,
  forId: string,
  onActivate: () => void,
): HTMLButtonElement {
  const el = doc.createElement('button');
  el.type = 'button';
  el.className = className;
  el.setAttribute(MARK, '');
  el.dataset.testid = testId;
  el.dataset.for = forId;
  el.textContent = text;
  el.setAttribute('aria-label', label);
  el.addEventListener('click', (event) => {
    // The webmail must not also react (open the row, collapse the message).
    event.preventDefault();
    event.stopPropagation();
    onActivate();
  });
  return el;
}

export function logButton(
  doc: Document,
  messageId: string,
  labels: { log: string; logLikely: string },
  verdict: SpotView | undefined,
  onActivate: () => void,
): HTMLButtonElement {
  const likely = verdict?.likely ?? false;
  const el = button(
    doc,
    'log-complaint',
    likely ? 'rr-log rr-log--likely' : 'rr-log',
    labels.log,
    likely ? labels.logLikely : labels.log,
    messageId,
    onActivate,
  );
  if (verdict) el.title = verdict.title;
  return el;
}

export function complaintChip(
  doc: Document,
  chip: ChipView,
  forId: string,
  row: boolean,
  onActivate: () => void,
): HTMLButtonElement {
  const el = button(
    doc,
    row ? 'row-chip' : 'complaint-chip',
    `rr-chip rr-chip--${chip.state}${row ? ' rr-chip--row' : ''}`,
    row ? chip.rowText : chip.text,
    row ? chip.rowLabel : chip.label,
    forId,
    onActivate,
  );
  el.dataset.complaintId = chip.id;
  return el;
}
