// A long task's progress: a native <progress> with "x / n" and the time left beside it, announced politely
// to screen readers, and a way to stop it when the task can be stopped.

import { t } from '@/lib/i18n';
import { formatCount } from '@/lib/stats/format';

const number = formatCount;

function timeLeft(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return t('data.restore.timeLeftUnknown');
  const time =
    seconds < 90
      ? t('data.restore.seconds', { n: seconds })
      : t('data.restore.minutes', { n: Math.ceil(seconds / 60) });
  return t('data.restore.timeLeft', { time });
}

interface Props {
  done: number;
  total: number;
  label: string;
  /** Omitted: no estimate shown; null: not yet known. */
  secondsLeft?: number | null;
  onCancel?: () => void;
  cancelLabel?: string;
}

export function ProgressBar({ done, total, label, secondsLeft, onCancel, cancelLabel }: Props) {
  return (
    <div class="data-progress" role="status" data-testid="progress">
      <span>{label}</span>
      <progress max={Math.max(total, 1)} value={done} aria-label={t('data.restore.progressLabel')} />
      <span class="data-progress__count" data-testid="progress-count">
        {t('data.restore.progress', { done: number(done), total: number(total) })}
      </span>
      {secondsLeft !== undefined && (
        <span class="data-progress__left" data-testid="progress-left">
          {timeLeft(secondsLeft)}
        </span>
      )}
      {onCancel && (
        <button type="button" class="button" onClick={onCancel} data-testid="progress-cancel">
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
