import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

// The form fields of the app: a label, the control, an optional hint and an always-present live
// error line, tied together with aria-describedby. Every form uses these.

type Common = {
  label: ReactNode;
  name: string;
  /** One message, or the list a zod field error gives (the first is shown). */
  error?: string | string[];
  hint?: ReactNode;
};

function firstError(error: Common['error']): string | undefined {
  return Array.isArray(error) ? error[0] : error || undefined;
}

function useFieldIds(id: string | undefined, hint: ReactNode, error: string | undefined) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = `${fieldId}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return { fieldId, hintId, errorId, describedBy };
}

function Parts({ fieldId, label, hint, hintId }: { fieldId: string; label: ReactNode; hint: ReactNode; hintId?: string }) {
  return (
    <>
      <label htmlFor={fieldId} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
    </>
  );
}

// The error line is always in the DOM (an aria-live region must exist before it fills to be announced).
function ErrorLine({ id, error }: { id: string; error?: string }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  );
}

const control = (error?: string) =>
  `mt-1 block min-h-11 w-full rounded-md border bg-white px-3 py-2 ${error ? 'border-red-700' : 'border-slate-500'}`;

type ControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string };

/** Label, hint, the control `render` draws with the ids and attributes it needs, and the error line. */
function Labelled({ label, name, error, hint, id, className, render }: Common & { id?: string; className?: string; render: (p: ControlProps) => ReactNode }) {
  const message = firstError(error);
  const ids = useFieldIds(id, hint, message);
  return (
    <div className={className}>
      <Parts fieldId={ids.fieldId} label={label} hint={hint} hintId={ids.hintId} />
      {render({ id: ids.fieldId, name, 'aria-invalid': message ? true : undefined, 'aria-describedby': ids.describedBy, className: control(message) })}
      <ErrorLine id={ids.errorId} error={message} />
    </div>
  );
}

/** `<Field label="Email" name="email" type="email" error={state.fieldErrors?.email} />`: label, input, hint, error. */
export function Field({
  label,
  name,
  error,
  hint,
  id,
  className,
  ...inputProps
}: Common & { ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  return <Labelled {...{ label, name, error, hint, id, className }} render={(p) => <input {...p} {...inputProps} />} />;
}

/** The same for a `<select>`: `<SelectField label="Role" name="role" options={[{ value, label }]} />`. */
export function SelectField({
  label,
  name,
  error,
  hint,
  id,
  className,
  options,
  ...selectProps
}: Common & { options: readonly { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>) {
  return (
    <Labelled
      {...{ label, name, error, hint, id, className }}
      render={(p) => (
        <select {...p} {...selectProps}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled textarea: `<TextAreaField label="Your letter" name="body" rows={12} error={…} />`. */
export function TextAreaField({ label, name, error, hint, id, className, ...props }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  // No minimum height: the rows decide.
  return <Labelled {...{ label, name, error, hint, id, className }} render={(p) => <textarea {...p} className={p.className.replace('min-h-11 ', '')} {...props} />} />;
}

/** A checkbox with its label beside it (a 44 px target with the label) and an optional hint. */
export function CheckboxField({ label, name, error, hint, id, className, ...props }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>) {
  const message = firstError(error);
  const ids = useFieldIds(id, hint, message);
  return (
    <div className={className}>
      <div className="flex min-h-11 items-start gap-3">
        <input
          id={ids.fieldId}
          type="checkbox"
          name={name}
          aria-invalid={message ? true : undefined}
          aria-describedby={ids.describedBy}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          {...props}
        />
        <label htmlFor={ids.fieldId} className="pt-0.5">
          {label}
        </label>
      </div>
      {hint && (
        <p id={ids.hintId} className="ml-8 text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="ml-8">
        <ErrorLine id={ids.errorId} error={message} />
      </div>
    </div>
  );
}
