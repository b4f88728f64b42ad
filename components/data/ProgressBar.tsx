// A long task's progress: a native <progress> with "x / n" beside it, announced politely to screen readers.
import { t } from '@/lib/i18n';

const number = (n: number) => n.toLocaleString('fr-FR');

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div class="data-progress" role="status" data-testid="progress">
      <span>{label}</span>
      <progress max={Math.max(total, 1)} value={done} aria-label={t('data.restore.progressLabel')} />
      <span class="data-progress__count">
        {t('data.restore.progress', { done: number(done), total: number(total) })}
      </span>
    </div>
  );
}
