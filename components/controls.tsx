// Small labelled controls on top of Field: every one has a visible French label and its error beside it.
import { Field } from './Field';

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

interface TextProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'number';
  area?: number;
  wide?: boolean;
  testId?: string;
}

export function Text({ label, value: v, onChange, error, type = 'text', area, wide, testId }: TextProps) {
  return (
    <Field label={label} error={error} wide={wide || area !== undefined}>
      {(p) =>
        area ? (
          <textarea {...p} rows={area} value={v} onInput={(e) => onChange(value(e))} data-testid={testId} />
        ) : (
          <input {...p} type={type as 'text'} value={v} onInput={(e) => onChange(value(e))} data-testid={testId} />
        )
      }
    </Field>
  );
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (v: V) => void;
  error?: string;
  testId?: string;
}

export function Select<V extends string>({ label, value: v, options, onChange, error, testId }: SelectProps<V>) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} value={v} onChange={(e) => onChange(value(e) as V)} data-testid={testId}>
          {options.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
}) {
  return (
    <div class="field field--wide field--check">
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
          data-testid={testId}
        />{' '}
        {label}
      </label>
    </div>
  );
}
