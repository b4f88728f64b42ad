// The spotter's thresholds (issue 15): one for every language, and one per language that wins over it.
// Each language's field states its recommended default and what it measured on the test split.
import { t } from '@/lib/i18n';
import type { SpotLang } from '@/lib/spotting/hints';
import { MAX_SPOT_THRESHOLD, MIN_SPOT_THRESHOLD, SPOT_MODEL_CARD } from '@/lib/spotting/threshold';
import { Field } from '../Field';
import type { FieldErrors, SettingsForm } from './form';

interface Props {
  form: SettingsForm;
  errors: FieldErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

type ThresholdKey = 'spotThreshold' | 'spotThresholdFr' | 'spotThresholdEn';

function ThresholdInput(
  props: {
    label: string;
    help: string;
    name: ThresholdKey;
    errorKey: string;
    placeholder: string;
    testId: string;
  } & Props,
) {
  const { form, errors, onChange, name, testId } = props;
  const helpId = `${testId}-help`;
  return (
    <Field label={props.label} error={errors[props.errorKey]} wide>
      {(p) => (
        <>
          <input
            {...p}
            type="number"
            inputMode="decimal"
            min={MIN_SPOT_THRESHOLD}
            max={MAX_SPOT_THRESHOLD}
            step={0.005}
            placeholder={props.placeholder}
            value={form[name]}
            data-testid={testId}
            aria-describedby={[p['aria-describedby'], helpId].filter(Boolean).join(' ')}
            onInput={(e) => onChange({ [name]: e.currentTarget.value })}
          />
          <p class="options__help" id={helpId}>
            {props.help}
          </p>
        </>
      )}
    </Field>
  );
}

const PER_LANG: readonly {
  lang: SpotLang;
  name: ThresholdKey;
  label: 'options.general.spotThresholdFr' | 'options.general.spotThresholdEn';
}[] = [
  { lang: 'fr', name: 'spotThresholdFr', label: 'options.general.spotThresholdFr' },
  { lang: 'en', name: 'spotThresholdEn', label: 'options.general.spotThresholdEn' },
];

export function SpotThresholdFields(props: Props) {
  return (
    <>
      <ThresholdInput
        {...props}
        label={t('options.general.spotThreshold')}
        help={t('options.general.spotThresholdHelp')}
        name="spotThreshold"
        errorKey="spotThreshold"
        placeholder=""
        testId="spot-threshold"
      />
      {PER_LANG.map(({ lang, name, label }) => {
        const card = SPOT_MODEL_CARD[lang];
        return (
          <ThresholdInput
            key={lang}
            {...props}
            label={t(label)}
            help={t('options.general.spotThresholdLangHelp', {
              threshold: card.threshold,
              precision: card.precision.toFixed(2),
              recall: card.recall.toFixed(2),
              n: card.n,
            })}
            name={name}
            errorKey={`spotThresholds.${lang}`}
            placeholder={String(card.threshold)}
            testId={`spot-threshold-${lang}`}
          />
        );
      })}
    </>
  );
}
