// What a restore would do (dry run) or did: four counts and the first reasons for refusal.

import { type MessageKey, t } from '@/lib/i18n';
import { formatCount } from '@/lib/stats/format';
import type { Tally } from '@/lib/transfer/classify';

const PLANNED: [keyof Omit<Tally, 'reasons'>, MessageKey][] = [
  ['added', 'data.restore.added'],
  ['updated', 'data.restore.updated'],
  ['unchanged', 'data.restore.unchanged'],
  ['refused', 'data.restore.refused'],
];
const DONE: typeof PLANNED = [
  ['added', 'data.restore.doneAdded'],
  ['updated', 'data.restore.doneUpdated'],
  ['unchanged', 'data.restore.doneUnchanged'],
  ['refused', 'data.restore.doneRefused'],
];

export function TallyList({ tally, done, testId }: { tally: Tally; done?: boolean; testId: string }) {
  return (
    <>
      <dl class="data-tally" data-testid={testId}>
        {(done ? DONE : PLANNED).map(([kind, label]) => (
          <div
            key={kind}
            class={`data-tally__item${tally[kind] > 0 ? ` data-tally__item--${kind}` : ''}`}
            data-kind={kind}
          >
            <dt>{t(label)}</dt>
            <dd>{formatCount(tally[kind])}</dd>
          </div>
        ))}
      </dl>
      {tally.reasons.length > 0 && (
        <div class="data-reasons">
          <p>{t('data.restore.reasons')}</p>
          <ul>
            {tally.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
