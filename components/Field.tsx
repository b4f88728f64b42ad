// A labelled form control with its French error next to it (aria-invalid + aria-describedby).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  error?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ComponentChildren;
  wide?: boolean;
}

export function Field({ label, error, children, wide }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div class={`field${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {children(error ? { id, 'aria-invalid': true, 'aria-describedby': errorId } : { id })}
      {error && (
        <p class="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
