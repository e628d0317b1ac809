import type { ReactNode } from 'react';

/**
 * A form-level message in a live region that is always in the DOM, so screen readers announce it
 * when it fills in after a submission (an error interrupts; a success waits its turn).
 */
export function FormMessage({
  tone = 'error',
  id,
  children,
}: {
  tone?: 'error' | 'success';
  id?: string;
  children?: ReactNode;
}) {
  const filled = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={filled ? -1 : undefined}
      className={
        filled
          ? `rounded-md border p-3 text-sm font-medium ${tone === 'error' ? 'border-red-300 bg-red-50 text-red-800' : 'border-green-300 bg-green-50 text-green-900'}`
          : undefined
      }
    >
      {children}
    </div>
  );
}
