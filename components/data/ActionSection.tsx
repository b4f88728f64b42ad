// One section of the management page that runs a single task (an export, a backup): what it does, its
// button, and what came of it.
import type { ComponentChildren } from 'preact';

export interface TaskStatus {
  kind: 'ok' | 'error';
  text: string;
}

interface Props {
  id: string;
  title: string;
  help: string;
  button: string;
  busyLabel: string;
  busy: boolean;
  status?: TaskStatus;
  onRun: () => void;
  children?: ComponentChildren;
}

export function ActionSection({ id, title, help, button, busyLabel, busy, status, onRun, children }: Props) {
  return (
    <section id={id} class="data-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="data-section__help">{help}</p>
      {children}
      <button type="button" class="button button--primary" disabled={busy} onClick={onRun} data-testid={`${id}-run`}>
        {busy ? busyLabel : button}
      </button>
      {status && (
        <p
          class={status.kind === 'ok' ? 'notice' : 'warning'}
          role={status.kind === 'ok' ? 'status' : 'alert'}
          data-testid={`${id}-status`}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
