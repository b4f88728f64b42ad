// Container: has the background check the chosen backup (dry run), then restore it on confirmation.
// Both passes show their progress and the time left, and can be stopped: a restore stopped (or failed) is
// rolled back by the background, so the register is then exactly what it was before.
import { useRef, useState } from 'preact/hooks';
import { RestoreSection, type RestoreState } from '@/components/data/RestoreSection';
import { messageOf } from '@/components/data/useTask';
import { useSettings } from '@/components/hooks/useRegister';
import { backgroundChecker, backgroundWriter } from '@/lib/extension/pages/restore';
import { t } from '@/lib/i18n';
import { secondsLeft } from '@/lib/transfer/progress';
import { checkBackup, RestoreCancelled, restoreBackup } from '@/lib/transfer/restore';

export function Restore() {
  const settings = useSettings();
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const [withSettings, setWithSettings] = useState(false);
  const file = useRef<File | null>(null);
  const stop = useRef<AbortController | null>(null);

  const progress = (step: 'checking' | 'writing') => {
    const started = performance.now();
    return (done: number, total: number) =>
      setState({ step, done, total, secondsLeft: secondsLeft(done, total, performance.now() - started) });
  };

  const check = async (chosen: File) => {
    file.current = chosen;
    stop.current = new AbortController();
    setWithSettings(false);
    setState({ step: 'checking', done: 0, total: 0, secondsLeft: null });
    try {
      const dryRun = await checkBackup(chosen, {
        checker: backgroundChecker,
        onProgress: progress('checking'),
        signal: stop.current.signal,
        retention: {
          years: settings.retentionYears,
          notComplaintYears: settings.retentionNotComplaintYears,
          now: new Date(),
        },
      });
      setState({ step: 'checked', dryRun });
    } catch (error) {
      const message =
        error instanceof RestoreCancelled
          ? t('data.restore.checkCancelled')
          : t('data.restore.refusedFile', { message: messageOf(error) });
      setState({ step: 'refused', message });
    }
  };

  const confirm = async () => {
    if (state.step !== 'checked' || !file.current) return;
    const { dryRun } = state;
    let done = 0;
    stop.current = new AbortController();
    setState({ step: 'writing', done, total: dryRun.total, secondsLeft: null });
    const onProgress = progress('writing');
    try {
      const report = await restoreBackup(file.current, dryRun, backgroundWriter, {
        withSettings,
        signal: stop.current.signal,
        onProgress: (d, total) => {
          done = d;
          if (!stop.current?.signal.aborted) onProgress(d, total);
        },
      });
      setState({ step: 'done', report });
    } catch (error) {
      const message =
        error instanceof RestoreCancelled
          ? messageOf(error)
          : t('data.restore.failed', { done, total: dryRun.total, message: messageOf(error) });
      setState({ step: 'failed', message });
    }
  };

  const onStop = () => {
    stop.current?.abort();
    if (state.step === 'writing') setState({ step: 'cancelling' });
  };

  return (
    <RestoreSection
      state={state}
      retentionYears={settings.retentionYears}
      withSettings={withSettings}
      onFile={check}
      onWithSettings={setWithSettings}
      onConfirm={confirm}
      onReset={() => setState({ step: 'idle' })}
      onStop={onStop}
    />
  );
}
