// npx tsx scripts/spotter/shop-mails.ts <shopware git dir> <commit> > candidates.json: renders the English
// notification e-mails Shopware (MIT) ships for shop customers (refund, cancellation, payment reminder,
// chargeback, return, credit note…) into inbox candidates, for scripts/spotter/add-entries.ts. They are the
// company's own voice full of "refunded", "cancelled", "returned": hard negatives (issue 15).
// The template's wording is kept; only its slots are filled. These templates use a small Twig subset
// (`{{ expr }}`, `{% if cond %}…{% endif %}`), so each slot is looked up whole in VALUES, and a slot or a
// condition with no value is an error, never a silent blank.
import { execFileSync } from 'node:child_process';

const FIXTURES = 'src/Core/Migration/Fixtures/mails';

/** Neutral values, the same for every template (placeholders as in the earlier entries). */
const VALUES: Record<string, string> = {
  "order.orderCustomer.salutation.translated.letterName ~ ' '": 'Dear ',
  'order.orderCustomer.firstName': '[First name]',
  'order.orderCustomer.lastName': '[Last name]',
  'customer.salutation.translated.letterName': 'Dear',
  'customer.lastName': '[Last name]',
  'customerGroup.translated.name': 'Trade customers',
  'salesChannel.translated.name': 'Example Shop',
  'salesChannel.name': 'Example Shop',
  'order.orderNumber': '10042',
  "order.orderDateTime|format_datetime('medium', 'short', locale='en-GB')": '12 Mar 2024, 14:05',
  "rawUrl('frontend.account.order.single.page', { 'deepLinkCode': order.deepLinkCode }, salesChannel.domains|first.url)":
    'https://shop.example/account/order/x7Yq2LmP',
};

/** Conditions: a salutation is on file (so the mail opens "Dear …"). */
const CONDITIONS: Record<string, boolean> = { 'order.orderCustomer.salutation': true };

/** Template folder, the subject the migrations give it (already filled), and the state it announces. */
const TEMPLATES: readonly { id: string; name: string; subject: string; state?: { slot: string; value: string } }[] = [
  {
    id: 'refunded',
    name: 'order_transaction.state.refunded',
    subject: 'Your order with Example Shop is refunded',
    state: { slot: 'order.transactions.first.stateMachineState.translated.name', value: 'Refunded' },
  },
  {
    id: 'payment-reminder',
    name: 'order_transaction.state.reminded',
    subject: 'Reminder for your order with Example Shop',
    state: { slot: 'order.transactions.first.stateMachineState.translated.name', value: 'Reminded' },
  },
  {
    id: 'chargeback',
    name: 'order_transaction.state.chargeback',
    subject: 'Chargeback for your order with Example Shop',
    state: { slot: 'order.transactions.first.stateMachineState.translated.name', value: 'Chargeback' },
  },
  {
    id: 'order-cancelled',
    name: 'order.state.cancelled',
    subject: 'Your order with Example Shop is cancelled',
    state: { slot: 'order.stateMachineState.translated.name', value: 'Cancelled' },
  },
  {
    id: 'delivery-returned',
    name: 'order_delivery.state.returned',
    subject: 'Your order with Example Shop is returned',
    state: { slot: 'order.deliveries.first.stateMachineState.translated.name', value: 'Returned' },
  },
  { id: 'credit-note', name: 'credit_note_mail', subject: 'New document for your order' },
  { id: 'cancellation-invoice', name: 'cancellation_mail', subject: 'New document for your order' },
  {
    id: 'group-declined',
    name: 'customer.group.registration.declined',
    subject: 'Customer Group Registration Declined',
  },
];

/** Fills one template; throws on any slot or condition it has no value for. */
export function renderTemplate(template: string, values: Record<string, string>, conditions: Record<string, boolean>) {
  const withConditions = template.replace(
    /\{%\s*if\s+(.+?)\s*%\}([\s\S]*?)\{%\s*endif\s*%\}/g,
    (_, cond: string, body: string) => {
      if (!(cond in conditions)) throw new Error(`no value for condition: ${cond}`);
      return conditions[cond] ? body : '';
    },
  );
  if (/\{%/.test(withConditions)) throw new Error('unsupported Twig tag left in the template');
  return withConditions
    .replace(/\{\{\s*(.+?)\s*\}\}/g, (_, slot: string) => {
      const value = values[slot];
      if (value === undefined) throw new Error(`no value for slot: ${slot}`);
      return value;
    })
    .replace(/<br\s*\/?>/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const [gitDir, commit] = process.argv.slice(2);
if (!gitDir || !commit || !/^[0-9a-f]{40}$/.test(commit))
  throw new Error('usage: tsx scripts/spotter/shop-mails.ts <shopware git dir> <40-hex commit>');
const candidates = TEMPLATES.map(({ id, name, subject, state }) => {
  const path = `${FIXTURES}/${name}/en-plain.html.twig`;
  const template = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { encoding: 'utf8' });
  const values = state ? { ...VALUES, [state.slot]: state.value } : VALUES;
  return {
    id: `en-shopware-${id}`,
    lang: 'en',
    label: 'not-complaint',
    subject,
    text: renderTemplate(template, values, CONDITIONS),
    source: `shopware/shopware ${path} @ ${commit}; subject from src/Core/Migration (same commit)`,
    licence: 'MIT (LICENSE, © shopware AG)',
    note: 'shop notification template rendered with neutral sample values by scripts/spotter/shop-mails.ts (company voice); no sender, so the verdict rests on the text alone',
  };
});
console.log(JSON.stringify(candidates, null, 1));
