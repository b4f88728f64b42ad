// A labelled text input with its French error next to it, for the many plain fields of the options page.
import { Field } from '../Field';

interface Props {
  label: string;
  value: string;
  error?: string | undefined;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date';
  wide?: boolean;
  testId?: string;
  inputMode?: 'numeric' | 'decimal';
  autoComplete?: string;
}

export function TextField({
  label,
  value,
  error,
  onInput,
  type = 'text',
  wide,
  testId,
  inputMode,
  autoComplete,
}: Props) {
  return (
    <Field label={label} error={error} wide={wide}>
      {(p) => (
        <input
          {...p}
          // preact's input types are a union per `type` value; any of ours takes the same attributes as text.
          type={type as 'text'}
          value={value}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          data-testid={testId}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}
