import 'server-only';
import type { z } from 'zod';
import { readActionSource } from '@/lib/campaigns/read-action-source';
import { kickDrain } from '@/lib/email/drain-loop';
import { toFormState, validationError } from '@/lib/errors';
import { readCookie, requestHeaders, runAfterResponse } from '@/lib/http/request-scope';
import { REF_COOKIE, readActionRef } from '@/lib/consents/read-action-ref';
import { checkFormGuard, guardTokenForRetry } from '@/lib/security/form-guard';
import { currentRequestOrigin } from '@/lib/security/client-ip';
import { enforcePublicLimits, type PublicAction } from '@/lib/security/public-limits';
import type { ActionState } from './state';

/**
 * The public pipeline shared by the supporter forms and the JSON API: zod → per-IP and per-email
 * limits (before any transaction: a refused attempt costs one upsert) → the service's transaction →
 * send the mail it queued now rather than at the next drain tick. Callers add what their channel
 * needs in front (the form guard for forms; content type and size checks for JSON).
 */
export type PublicPipeline<S extends z.ZodType, R> = {
  limit: PublicAction;
  schema: S;
  /** The address the per-email limit counts (the form's email field). */
  emailOf?: (input: z.output<S>) => string | undefined;
  run: (input: z.output<S>) => Promise<R>;
  /** Whether the service queued mail worth sending at once. */
  sendsMail?: (result: R) => boolean;
};

export async function runPublicPipeline<S extends z.ZodType, R>(
  spec: PublicPipeline<S, R>,
  raw: unknown,
  requestHeaders?: Pick<Headers, 'get'>,
): Promise<{ input: z.output<S>; result: R }> {
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  // The client's address: from the socket under lib/cli/server.mjs, else from these headers.
  const origin = await currentRequestOrigin(requestHeaders);
  await enforcePublicLimits(spec.limit, { email: spec.emailOf?.(parsed.data), origin });
  const result = await spec.run(parsed.data);
  if (spec.sendsMail?.(result) ?? true) runAfterResponse(() => kickDrain());
  return { input: parsed.data, result };
}

/** A refused public form: the message, the field errors, what was typed, and a token for the next press. */
export type PublicFormError<V> = ActionState & { status: 'error'; message: string; values: V; guardToken: string };

export type PublicFormSpec<V, S extends z.ZodType, R, St> = PublicPipeline<S, R> & {
  /** The fields as typed (capped strings), echoed back after an error. */
  values: (formData: FormData) => V;
  /** The service input from the typed values, the bound argument (the campaign slug) and the source. */
  input: (values: V, ctx: { bound: string; source: string | undefined; ref: string | undefined }) => unknown;
  success: (result: R, input: z.output<S>) => St;
  /** Shown when something unexpected fails: say what did not happen. */
  fallback: string;
};

/**
 * A supporter form's server action, bound to its campaign slug: the anti-bot form guard, the
 * `?source=` and `?ref=` it arrived with, then the public pipeline. Works as a plain form post without JS (the
 * page re-renders with the returned state). After an error the form gets back what was typed and a
 * form token (guardTokenForRetry): the one it had when genuine (a fresh one would restart the
 * minimum fill time and refuse a quick correction), a fresh one when it was forged, expired or signed
 * by another database (a page cached before a reset), so one more press goes through.
 */
export function publicFormAction<V, S extends z.ZodType, R, St>(spec: PublicFormSpec<V, S, R, St>) {
  return async (bound: string, _prev: St | PublicFormError<V>, formData: FormData): Promise<St | PublicFormError<V>> => {
    const values = spec.values(formData);
    try {
      await checkFormGuard(formData);
      const headers = await requestHeaders();
      const source = readActionSource(formData.get('source'), headers.get('referer'));
      const ref = readActionRef(formData.get('ref'), headers.get('referer'), await readCookie(REF_COOKIE));
      const { input, result } = await runPublicPipeline(spec, spec.input(values, { bound, source, ref }), headers);
      return spec.success(result, input);
    } catch (e) {
      const guardToken = await guardTokenForRetry(formData);
      const state = await toFormState(e, { fallback: spec.fallback, log: `public ${spec.limit} failed`, context: { bound } });
      return { ...state, values, guardToken };
    }
  };
}
