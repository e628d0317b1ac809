'use client';

/** Opens the print dialog (without JS, the browser's own Print menu does the same). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
    >
      Print packet
    </button>
  );
}
