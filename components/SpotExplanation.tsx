// Why the spotter thinks a message is a complaint: each cue with its label and the customer's words, then
// the words the model weighed most (a message the model flags may carry no cue at all).
import { t } from '@/lib/i18n';
import type { Draft } from '@/lib/register/draft';
import { weighingWords } from '@/lib/spotting/words';

export function SpotExplanation({ spot }: { spot: NonNullable<Draft['spot']> }) {
  const cues = spot.cues.filter((c) => c.weight > 0);
  const fragments = spot.fragments ?? [];
  if (!spot.likely || (cues.length === 0 && fragments.length === 0))
    return <p class="spot spot--quiet">{t('ui.form.notSpotted')}</p>;
  return (
    <div class="spot" data-testid="spot-explanation">
      <p>{t('ui.form.spotted')}</p>
      <ul>
        {cues.map((c) => (
          <li key={c.id}>
            <strong>{c.label}</strong> {c.excerpt && <q>{c.excerpt}</q>}
          </li>
        ))}
        {fragments.length > 0 && <li key="model">{weighingWords(fragments)}</li>}
      </ul>
    </div>
  );
}
