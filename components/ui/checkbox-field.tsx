import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

type Props = {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>;

/** A checkbox with its label beside it (a 44 px target with the label) and an optional hint. */
export function CheckboxField({ label, name, error, hint, id, className, ...props }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={className}>
      <div className="flex min-h-11 items-start gap-3">
        <input
          id={fieldId}
          type="checkbox"
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          {...props}
        />
        <label htmlFor={fieldId} className="pt-0.5">
          {label}
        </label>
      </div>
      {hint && (
        <p id={hintId} className="ml-8 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ml-8 mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
