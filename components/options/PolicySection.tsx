// Section 3: the deadline policy (preset or custom durations), the calendar it counts on, and a preview of
// the year's public holidays. Existing complaints keep the policy stored with them.
import { useState } from 'preact/hooks';
import { holidaysIn, isIsoDay } from '@/lib/deadlines/calendar';
import { DeadlinePresetSchema, DurationUnitSchema, formatDuration } from '@/lib/deadlines/policy';
import { t } from '@/lib/i18n';
import { formatDay } from '@/lib/i18n/dates';
import { Field } from '../Field';
import { type DurationForm, type FieldErrors, type SettingsForm, withPreset } from './form';
import { TextField } from './TextField';

interface Props {
  form: SettingsForm;
  errors: FieldErrors;
  /** The year whose holidays are previewed (the current one). */
  year: number;
  onChange: (patch: Partial<SettingsForm>) => void;
}

const noon = (day: string) => `${day}T12:00:00Z`;

function DurationFields(props: {
  clock: 'ack' | 'answer';
  value: DurationForm;
  errors: FieldErrors;
  onChange: (value: DurationForm) => void;
}) {
  const { clock, value, errors, onChange } = props;
  return (
    <>
      <TextField
        label={t(`options.policy.${clock}Amount`)}
        type="number"
        inputMode="numeric"
        value={value.amount}
        error={errors[`policy.${clock}.amount`]}
        onInput={(amount) => onChange({ ...value, amount })}
        testId={`${clock}-amount`}
      />
      <Field label={t(`options.policy.${clock}Unit`)} error={errors[`policy.${clock}.unit`]}>
        {(p) => (
          <select
            {...p}
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: DurationUnitSchema.parse(e.currentTarget.value) })}
          >
            {DurationUnitSchema.options.map((unit) => (
              <option key={unit} value={unit}>
                {t(`deadlines.unit.${unit}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function ClosureDays({ days, error, onChange }: { days: string[]; error?: string; onChange: (d: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    if (!isIsoDay(draft)) return setProblem(t('options.error.day'));
    if (days.includes(draft)) return setProblem(t('options.error.dayTwice'));
    setProblem(undefined);
    setDraft('');
    onChange([...days, draft].sort());
  };
  return (
    <fieldset class="options__fieldset">
      <legend>{t('options.policy.closureDays')}</legend>
      {days.length === 0 ? (
        <p class="options__help">{t('options.policy.noClosure')}</p>
      ) : (
        <ul class="options__days" data-testid="closure-days">
          {days.map((day) => (
            <li key={day}>
              <span>{formatDay(noon(day))}</span>
              <button
                type="button"
                class="button button--small"
                aria-label={t('options.policy.removeClosureLabel', { day: formatDay(noon(day)) })}
                onClick={() => onChange(days.filter((d) => d !== day))}
              >
                {t('options.policy.removeClosure')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="options__inline">
        <TextField
          label={t('options.policy.closureDay')}
          type="date"
          value={draft}
          error={problem ?? error}
          onInput={setDraft}
          testId="closure-day"
        />
        <button type="button" class="button" onClick={add}>
          {t('options.policy.addClosure')}
        </button>
      </div>
    </fieldset>
  );
}

export function PolicySection({ form, errors, year, onChange }: Props) {
  const policy = form.policy;
  const set = (patch: Partial<SettingsForm['policy']>) => onChange({ policy: { ...policy, ...patch } });
  const holidays = holidaysIn(year, { alsaceMoselle: policy.alsaceMoselle });
  const custom = policy.preset === 'custom';
  const summary = (d: DurationForm) => formatDuration({ amount: Number(d.amount), unit: d.unit });
  return (
    <section id="policy" class="options__section" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('options.policy.title')}</h2>
      <p class="notice options__note">{t('options.policy.existing')}</p>
      <div class="form__grid">
        <Field label={t('options.policy.preset')} wide>
          {(p) => (
            <select
              {...p}
              class="options__preset"
              value={policy.preset}
              data-testid="policy-preset"
              onChange={(e) => set(withPreset(policy, DeadlinePresetSchema.parse(e.currentTarget.value)))}
            >
              {DeadlinePresetSchema.options.map((preset) => (
                <option key={preset} value={preset}>
                  {t(`deadlines.preset.${preset}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p class="field--wide options__help" data-testid="policy-help">
          {t(`deadlines.presetHelp.${policy.preset}`)}
        </p>
        {custom ? (
          <>
            <DurationFields clock="ack" value={policy.ack} errors={errors} onChange={(ack) => set({ ack })} />
            <DurationFields
              clock="answer"
              value={policy.answer}
              errors={errors}
              onChange={(answer) => set({ answer })}
            />
          </>
        ) : (
          <p class="field--wide options__summary" data-testid="policy-summary">
            {t('options.policy.summary', { ack: summary(policy.ack), answer: summary(policy.answer) })}
          </p>
        )}
        <TextField
          label={t('options.policy.dueSoonHours')}
          type="number"
          inputMode="numeric"
          value={policy.dueSoonHours}
          error={errors['policy.dueSoonHours']}
          onInput={(dueSoonHours) => set({ dueSoonHours })}
          testId="due-soon-hours"
        />
        <div class="field field--wide field--check">
          <label>
            <input
              type="checkbox"
              checked={policy.alsaceMoselle}
              data-testid="alsace-moselle"
              onChange={(e) => set({ alsaceMoselle: e.currentTarget.checked })}
            />{' '}
            {t('options.policy.alsaceMoselle')}
          </label>
        </div>
      </div>
      <div class="options__columns">
        <ClosureDays
          days={policy.closureDays}
          error={errors['policy.closureDays']}
          onChange={(closureDays) => set({ closureDays })}
        />
        <div>
          <h3 id="holidays-title">
            {t(policy.alsaceMoselle ? 'options.policy.holidaysAlsace' : 'options.policy.holidays', { year })}
          </h3>
          <ul class="options__holidays" aria-labelledby="holidays-title" data-testid="holidays">
            {holidays.map((h) => (
              <li key={h.day}>
                <span class="options__holiday-day">{formatDay(noon(h.day))}</span> {h.name}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
