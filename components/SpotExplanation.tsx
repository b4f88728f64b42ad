// Why the spotter thinks a message is a complaint: each cue with its French label and the words matched.
import { t } from '@/lib/i18n';
import type { Draft } from '@/lib/register/draft';

export function SpotExplanation({ spot }: { spot: NonNullable<Draft['spot']> }) {
  if (!spot.likely || spot.cues.length === 0) return <p class="spot spot--quiet">{t('ui.form.notSpotted')}</p>;
  return (
    <div class="spot" data-testid="spot-explanation">
      <p>{t('ui.form.spotted')}</p>
      <ul>
        {spot.cues
          .filter((c) => c.weight > 0)
          .map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong> {c.excerpt && <q>{c.excerpt}</q>}
            </li>
          ))}
      </ul>
    </div>
  );
}
