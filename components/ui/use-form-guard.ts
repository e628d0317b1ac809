'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';

/**
 * Holds a press of a public form until its anti-bot token (lib/security/form-guard.ts) is
 * `minFillSeconds` old. After a refused submission the answer brings a fresh token; pressing
 * again at once would only be refused as "too fast", so the press waits out the rest (the button
 * shows it is busy) and then goes. The time counts from when this browser first saw the token,
 * never earlier than the server issued it. Without JS there is nothing to hold: the server keeps
 * a genuine token across refusals, so a later press passes.
 */
export function useFormGuard(token: string, minFillSeconds: number) {
  const seen = useRef<{ token: string; at: number } | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (seen.current?.token !== token) seen.current = { token, at: performance.now() };
  }, [token]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const at = seen.current?.at ?? performance.now();
    const remaining = at + minFillSeconds * 1000 - performance.now();
    if (remaining <= 0) return;
    // A prevented submit never reaches the form's action; it is submitted again once ready.
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setWaiting(true);
    setTimeout(() => {
      setWaiting(false);
      form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined);
    }, remaining);
  }

  return { onSubmit, waiting };
}
