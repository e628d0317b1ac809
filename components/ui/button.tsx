'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

type Variant = 'primary' | 'secondary' | 'danger';

const styles: Record<Variant, string> = {
  primary: 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border-slate-500 bg-white text-ink hover:bg-slate-50',
  danger: 'border-red-700 bg-white text-red-800 hover:bg-red-50',
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** Shown while the enclosing form is submitting (submit buttons only). */
  pendingLabel?: string;
  /** Busy before the submission starts too (a press held by useFormGuard). */
  busy?: boolean;
};

/**
 * A button at least 44px tall (WCAG 2.5.8). Inside a `<form>`, a submit button disables itself and
 * shows `pendingLabel` while the server action runs; without JS it is a plain submit button.
 */
export function Button({ variant = 'primary', pendingLabel, type = 'submit', className = '', disabled, busy: held, children, ...props }: Props) {
  const { pending } = useFormStatus();
  const busy = type === 'submit' && (pending || Boolean(held));
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex min-h-11 items-center justify-center rounded-md border px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${styles[variant]} ${className}`}
      {...props}
    >
      {busy && pendingLabel ? pendingLabel : children}
    </button>
  );
}
