// The restore, step by step: choose a file, see the dry run, confirm, follow the progress, read the report.
// Dumb: the page's container runs the checks and the restore and passes the state in.

import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatCount } from '@/lib/stats/format';
import type { DryRun, RestoreReport } from '@/lib/transfer/restore';
import { ProgressBar } from './ProgressBar';
import { TallyList } from './TallyList';

export type RestoreState =
  | { step: 'idle' }
  | { step: 'checking'; done: number; total: number; secondsLeft: number | null }
  | { step: 'checked'; dryRun: DryRun }
  | { step: 'writing'; done: number; total: number; secondsLeft: number | null }
  | { step: 'cancelling' }
  | { step: 'done'; report: RestoreReport }
  | { step: 'refused'; message: string }
  | { step: 'failed'; message: string };

interface Props {
  state: RestoreState;
  /** The retention period of the settings, named in the dry run's warning. */
  retentionYears: number;
  withSettings: boolean;
  onFile: (file: File) => void;
  onWithSettings: (value: boolean) => void;
  onConfirm: () => void;
  onReset: () => void;
  /** Stops the check, or cancels the restore (which is then rolled back). */
  onStop?: () => void;
}

function Checked({
  dryRun,
  withSettings,
  onWithSettings,
  onConfirm,
  onReset,
  retentionYears,
}: Omit<Props, 'state' | 'onFile' | 'onStop'> & { dryRun: DryRun }) {
  const { head } = dryRun;
  const hasSettings = head.settings !== null || head.templateOverrides !== null;
  return (
    <div class="data-plan" data-testid="restore-plan">
      <p class="notice" role="status">
        {t('data.restore.checked', {
          date: formatDateTime(head.exportedAt),
          complaints: formatCount(head.counts.complaints),
          events: formatCount(head.counts.historyEvents),
        })}
      </p>
      <p>{t('data.restore.plan')}</p>
      <TallyList tally={dryRun} testId="restore-plan-tally" />
      {dryRun.added + dryRun.updated === 0 && <p class="data-section__help">{t('data.restore.nothingToDo')}</p>}
      {dryRun.pastRetention > 0 && (
        <p class="warning" data-testid="restore-past-retention">
          {t('data.restore.pastRetention', { n: dryRun.pastRetention, years: retentionYears })}
        </p>
      )}
      {head.counts.quarantine > 0 && (
        <p class="data-section__help">{t('data.restore.quarantineNote', { n: head.counts.quarantine })}</p>
      )}
      {hasSettings ? (
        <label class="data-check">
          <input
            type="checkbox"
            checked={withSettings}
            onChange={(e) => onWithSettings((e.currentTarget as HTMLInputElement).checked)}
            data-testid="restore-with-settings"
          />
          {t('data.restore.withSettings')}
        </label>
      ) : (
        <p class="data-section__help">{t('data.restore.noSettings')}</p>
      )}
      <div class="section__actions">
        <button type="button" class="button button--primary" onClick={onConfirm} data-testid="restore-confirm">
          {t('data.restore.confirm')}
        </button>
        <button type="button" class="button" onClick={onReset}>
          {t('data.restore.cancel')}
        </button>
      </div>
    </div>
  );
}

function Done({ report, onReset }: { report: RestoreReport; onReset: () => void }) {
  const { finish } = report;
  return (
    <div data-testid="restore-done">
      <p class="notice" role="status">
        {t('data.restore.done')}
      </p>
      <TallyList tally={report} done testId="restore-done-tally" />
      {finish.settings && <p>{t('data.restore.doneSettings')}</p>}
      {finish.templates > 0 && <p>{t('data.restore.doneTemplates', { n: finish.templates })}</p>}
      {finish.templatesRefused.length > 0 && (
        <p class="warning">{t('data.restore.templatesRefused', { list: finish.templatesRefused.join(', ') })}</p>
      )}
      <button type="button" class="button" onClick={onReset}>
        {t('data.restore.another')}
      </button>
    </div>
  );
}

export function RestoreSection(props: Props) {
  const { state, onFile, onReset } = props;
  const choosing = state.step === 'idle' || state.step === 'refused';
  return (
    <section id="restore" class="data-section" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('data.restore.title')}</h2>
      <p class="data-section__help">{t('data.restore.help')}</p>
      {choosing && (
        <div class="field">
          <label for="restore-file">{t('data.restore.file')}</label>
          <input
            id="restore-file"
            type="file"
            accept=".gz,.ndjson,.jsonl,.json,application/gzip,application/json"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) onFile(file);
            }}
            data-testid="restore-file"
          />
        </div>
      )}
      {state.step === 'refused' && (
        <p class="warning" role="alert" data-testid="restore-refused">
          {state.message}
        </p>
      )}
      {state.step === 'checking' && (
        <ProgressBar
          label={t('data.restore.checking')}
          done={state.done}
          total={state.total}
          secondsLeft={state.secondsLeft}
          onCancel={props.onStop}
          cancelLabel={t('data.restore.stopCheck')}
        />
      )}
      {state.step === 'checked' && <Checked {...props} dryRun={state.dryRun} />}
      {state.step === 'writing' && (
        <ProgressBar
          label={t('data.restore.writing')}
          done={state.done}
          total={state.total}
          secondsLeft={state.secondsLeft}
          onCancel={props.onStop}
          cancelLabel={t('data.restore.stop')}
        />
      )}
      {state.step === 'cancelling' && (
        <p class="notice" role="status" data-testid="restore-cancelling">
          {t('data.restore.cancelling')}
        </p>
      )}
      {state.step === 'done' && <Done report={state.report} onReset={onReset} />}
      {state.step === 'failed' && (
        <>
          <p class="warning" role="alert" data-testid="restore-failed">
            {state.message}
          </p>
          <button type="button" class="button" onClick={onReset}>
            {t('data.restore.another')}
          </button>
        </>
      )}
    </section>
  );
}
