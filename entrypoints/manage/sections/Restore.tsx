// Container: checks the chosen backup (dry run), then restores it through the background on confirmation.
import { useRef, useState } from 'preact/hooks';
import { RestoreSection, type RestoreState } from '@/components/data/RestoreSection';
import { messageOf } from '@/components/data/useTask';
import { useSettings } from '@/components/hooks/useRegister';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { t } from '@/lib/i18n';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';

export function Restore() {
  const settings = useSettings();
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const [withSettings, setWithSettings] = useState(false);
  const file = useRef<File | null>(null);

  const check = async (chosen: File) => {
    file.current = chosen;
    setWithSettings(false);
    setState({ step: 'checking', done: 0, total: 0 });
    try {
      const dryRun = await checkBackup(chosen, {
        onProgress: (done, total) => setState({ step: 'checking', done, total }),
        retention: {
          years: settings.retentionYears,
          notComplaintYears: settings.retentionNotComplaintYears,
          now: new Date(),
        },
      });
      setState({ step: 'checked', dryRun });
    } catch (error) {
      setState({ step: 'refused', message: t('data.restore.refusedFile', { message: messageOf(error) }) });
    }
  };

  const confirm = async () => {
    if (state.step !== 'checked' || !file.current) return;
    const { dryRun } = state;
    let done = 0;
    setState({ step: 'writing', done, total: dryRun.total });
    try {
      const report = await restoreBackup(file.current, dryRun, backgroundWriter, {
        withSettings,
        onProgress: (d, total) => {
          done = d;
          setState({ step: 'writing', done: d, total });
        },
      });
      setState({ step: 'done', report });
    } catch (error) {
      const message = t('data.restore.failed', { done, total: dryRun.total, message: messageOf(error) });
      setState({ step: 'failed', message });
    }
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
    />
  );
}
