'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { writeUrl, type LookupView } from './lookup-view';
import { SenatorCard } from './senator-card';
import { StatePicker } from './state-picker';

type Props = {
  slug: string;
  source?: string;
  view: LookupView;
  onChange: (view: LookupView) => void;
};

/**
 * Find your senators. A plain GET form (the page answers without JS); with JS the same query goes
 * to /api/senators and the answer replaces the old one in place, the URL kept in step with
 * history.replaceState so a reload or a shared link shows the same thing.
 */
export function FindSenators({ slug, source, view, onChange }: Props) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [zip, setZip] = useState(view.zip);
  const [announce, setAnnounce] = useState('');
  const focusAfter = useRef(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const zipRef = useRef<HTMLInputElement>(null);
  const action = `/c/${slug}/write`;

  // After an in-place answer, move the keyboard to it (or back to the field that needs fixing).
  useEffect(() => {
    if (!focusAfter.current) return;
    focusAfter.current = false;
    if (view.error?.fieldErrors?.zip) zipRef.current?.focus();
    else resultRef.current?.focus();
  }, [view]);

  async function lookup(q: { zip?: string; state?: string }) {
    setPending(true);
    const url = writeUrl(slug, { ...q, source });
    const params = new URLSearchParams();
    if (q.zip) params.set('zip', q.zip);
    if (q.state) params.set('state', q.state);
    params.set('campaign', slug);
    try {
      const res = await fetch(`/api/senators?${params}`, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { lookup?: LookupView['result']; error?: LookupView['error'] };
      if (res.status >= 500 || (!body.lookup && !body.error)) throw new Error('lookup failed');
      const next: LookupView = { zip: q.zip ?? '', state: q.state ?? '', result: body.lookup ?? null, error: body.error };
      focusAfter.current = true;
      setZip(next.zip);
      onChange(next);
      setAnnounce(describe(next));
      window.history.replaceState(null, '', url);
    } catch {
      // The JSON lookup failed: let the page answer instead.
      window.location.assign(url);
    } finally {
      setPending(false);
    }
  }

  const r = view.result;
  const zipError = view.error?.fieldErrors?.zip?.[0] ?? (view.zip ? view.error?.fieldErrors?.state?.[0] : undefined);
  const stateError = !view.zip ? view.error?.fieldErrors?.state?.[0] : undefined;
  const formError = view.error && !view.error.fieldErrors ? view.error.message : undefined;

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-5">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Find your senators
      </h2>
      <form
        method="get"
        action={action}
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void lookup({ zip: zip.trim() });
        }}
      >
        {source && <input type="hidden" name="source" value={source} />}
        <Field
          ref={zipRef}
          label="Your ZIP code"
          name="zip"
          value={zip}
          onChange={(e) => setZip(e.target.value)}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={20}
          hint="5 digits, or ZIP+4 like 62701-1234"
          error={zipError}
          className="w-64"
        />
        <button
          type="submit"
          disabled={pending}
          className="mt-7 min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? 'Looking up…' : 'Find my senators'}
        </button>
      </form>
      <FormMessage>{formError}</FormMessage>
      <p className="sr-only" role="status">
        {announce}
      </p>

      {r?.kind === 'choose' && (
        <div className="space-y-3">
          <h3 ref={resultRef} tabIndex={-1} className="text-lg font-semibold">
            ZIP code {r.zip} crosses a state line. Which state do you live in?
          </h3>
          <ul className="flex flex-wrap gap-3">
            {r.options.map((o) => (
              <li key={o.state}>
                <a
                  href={writeUrl(slug, { zip: r.zip, state: o.state, source })}
                  onClick={(e) => {
                    e.preventDefault();
                    void lookup({ zip: r.zip, state: o.state });
                  }}
                  className="inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
                >
                  I live in {o.stateName}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {r?.kind === 'state' && (
        <div className="space-y-3">
          <h3 ref={resultRef} tabIndex={-1} className="text-lg font-semibold">
            Your senators for {r.stateName}
          </h3>
          {r.senators.length === 0 ? (
            <p>We don’t have the senators for {r.stateName} on file yet. Please try again later.</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {r.senators.map((s) => (
                <li key={s.bioguideId}>
                  <SenatorCard senator={s} headingLevel={4} />
                </li>
              ))}
              {Array.from({ length: r.vacantSeats }, (_, i) => (
                <li key={`vacant-${i}`} className="rounded-lg border border-dashed border-slate-500 p-4">
                  <h4 className="font-semibold">Vacant seat</h4>
                  <p className="mt-1 text-sm">
                    One of {r.stateName}’s two Senate seats is empty right now, until a successor is appointed or elected. There
                    is no one in that seat to write to.
                  </p>
                </li>
              ))}
            </ul>
          )}
          {r.alternatives.length > 0 && r.zip && (
            <p className="text-sm">
              ZIP code {r.zip} also reaches{' '}
              {r.alternatives.map((a, i) => (
                <span key={a.state}>
                  {i > 0 && ', '}
                  <a
                    href={writeUrl(slug, { zip: r.zip, state: a.state, source })}
                    onClick={(e) => {
                      e.preventDefault();
                      void lookup({ zip: r.zip, state: a.state });
                    }}
                    className="text-brand-700 underline"
                  >
                    {a.stateName}
                  </a>
                </span>
              ))}
              .
            </p>
          )}
        </div>
      )}

      {r?.kind === 'no_senators' && (
        <div className="space-y-3 rounded-lg border-l-4 border-amber-500 bg-white p-4">
          <h3 ref={resultRef} tabIndex={-1} className="text-lg font-semibold">
            {r.stateName} has no voting senators
          </h3>
          <p>{r.explanation}</p>
          <p>
            <Link href={`/c/${slug}`} className="font-semibold text-brand-700 underline">
              Sign the petition instead
            </Link>
          </p>
        </div>
      )}

      <StatePicker
        key={`${r?.kind ?? 'none'}:${r && 'state' in r ? r.state : ''}`}
        action={action}
        source={source}
        label={r ? 'Not your state? Choose your state' : 'Or choose your state'}
        defaultState={r && r.kind !== 'choose' ? r.state : view.state || undefined}
        error={stateError}
        onPick={(state) => void lookup({ state })}
      />
    </section>
  );
}

function describe(v: LookupView): string {
  if (v.error) return v.error.fieldErrors ? 'Please correct the ZIP code.' : v.error.message;
  const r = v.result;
  if (!r) return '';
  if (r.kind === 'choose') return `ZIP code ${r.zip} is in more than one state. Choose yours.`;
  if (r.kind === 'no_senators') return `${r.stateName} has no voting senators.`;
  return `Found ${r.senators.length} senator${r.senators.length === 1 ? '' : 's'} for ${r.stateName}${r.vacantSeats ? `; ${r.vacantSeats === 1 ? 'one seat is' : 'both seats are'} vacant` : ''}.`;
}
