// The helpdesks the extension runs on, with their origins: one form per helpdesk to add the agent's own
// origin (the browser asks for that origin alone), and a remove button per origin. Props in, events out.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { HELPDESK_SYSTEMS, type HelpdeskSystem, helpdeskOrigin } from '@/lib/webmail/helpdesk-origins';
import { TextField } from './TextField';

export interface HelpdeskOutcome {
  ok: boolean;
  message: string;
}

interface Props {
  enabled: Readonly<Record<HelpdeskSystem, readonly string[]>>;
  /** Must reach the browser's permission request within the click's gesture: no await before it. */
  onEnable: (system: HelpdeskSystem, origin: string) => Promise<HelpdeskOutcome>;
  onRemove: (system: HelpdeskSystem, origin: string) => Promise<void>;
}

function HelpdeskForm({
  system,
  origins,
  onEnable,
  onRemove,
}: Omit<Props, 'enabled'> & {
  system: HelpdeskSystem;
  origins: readonly string[];
}) {
  const [input, setInput] = useState('');
  const [outcome, setOutcome] = useState<HelpdeskOutcome | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const origin = helpdeskOrigin(system, input);
    if (!origin) {
      setOutcome({ ok: false, message: t(`helpdesk.options.invalid.${system}`) });
      return;
    }
    void onEnable(system, origin).then((result) => {
      setOutcome(result);
      if (result.ok) setInput('');
    });
  };
  return (
    <form class="helpdesk" data-testid={`helpdesk-${system}`} onSubmit={submit}>
      <h3>{t(`helpdesk.system.${system}`)}</h3>
      {origins.length === 0 ? (
        <p>{t('helpdesk.options.none')}</p>
      ) : (
        <ul data-testid="helpdesk-origins">
          {origins.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button
                type="button"
                aria-label={t('helpdesk.options.remove', { origin })}
                onClick={() => void onRemove(system, origin)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label={t(`helpdesk.options.originLabel.${system}`)}
        value={input}
        onInput={setInput}
        testId={`helpdesk-origin-${system}`}
        wide
      />
      <button type="submit" data-testid={`helpdesk-enable-${system}`}>
        {t('helpdesk.options.enable')}
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} data-testid="helpdesk-outcome">
          {outcome.message}
        </p>
      )}
    </form>
  );
}

export function HelpdesksSection({ enabled, onEnable, onRemove }: Props) {
  return (
    <section id="helpdesks" class="options__section" aria-labelledby="helpdesks-title">
      <h2 id="helpdesks-title">{t('helpdesk.options.title')}</h2>
      <p class="options__help">{t('helpdesk.options.intro')}</p>
      {HELPDESK_SYSTEMS.map((system) => (
        <HelpdeskForm key={system} system={system} origins={enabled[system]} onEnable={onEnable} onRemove={onRemove} />
      ))}
    </section>
  );
}
