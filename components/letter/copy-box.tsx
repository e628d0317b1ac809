'use client';

import { useId, useState, useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/** The letter in a read-only box to copy into a contact form; the Copy button appears once JS runs. */
export function CopyBox({ label, text, rows = 10 }: { label: string; text: string; rows?: number }) {
  const id = useId();
  // True once hydrated (the button needs JS), false in the server render.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        readOnly
        value={text}
        rows={rows}
        className="mt-1 block w-full rounded-md border border-slate-500 bg-slate-50 px-3 py-2 font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      {hydrated && (
        <div className="mt-2 flex items-center gap-3">
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(text);
                setCopied('copied');
              } catch {
                setCopied('failed');
              }
            }}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50"
          >
            Copy the letter
          </button>
          <span role="status" className="text-sm text-muted">
            {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select the text and copy it yourself' : ''}
          </span>
        </div>
      )}
    </div>
  );
}
