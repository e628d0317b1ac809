import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

// Stand-in with the same props as the shared <Field> (components/ui/field.tsx, a teammate's, not
// landed yet) plus a ref; swap the imports once it exists.
type Props = {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function LetterTextField({ label, name, error, hint, id, className, type = 'text', ref, ...props }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = `${fieldId}-error`;
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
      <input
        ref={ref}
        id={fieldId}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 ${error ? 'border-red-700' : 'border-slate-500'}`}
        {...props}
      />
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
