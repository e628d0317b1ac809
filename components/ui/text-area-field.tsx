import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

type Props = {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>;

/** A labelled textarea whose hint and error are tied to it with aria-describedby. */
export function TextAreaField({ label, name, error, hint, id, className, ...props }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 ${error ? 'border-red-700' : 'border-slate-500'}`}
        {...props}
      />
      <p id={errorId} className="mt-1 text-sm font-medium text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
