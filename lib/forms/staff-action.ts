import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { StaffUser } from '@/lib/auth/session-user';
import { toFormState, validationError } from '@/lib/errors';
import type { FormState } from './state';
import { readFields } from './values';

/** What a successful action does next: a message for the form, paths/tags to refresh, or a redirect. */
export type StaffActionOutcome<St> = {
  message?: string;
  /** Called after the service's transaction committed (revalidatePath / revalidateCampaign …). */
  revalidate?: () => void;
  /** Where to go next (thrown by Next: it stays outside the try). */
  redirect?: string;
  /** Extra state for the form (e.g. the saved value). */
  state?: Partial<St>;
};

export type StaffActionSpec<S extends z.ZodType, R, St extends FormState<Record<string, string>>> = {
  permission: Permission;
  /** The form fields to read; echoed back as `values` after an error, except `hidden` ones. */
  fields: readonly string[];
  checkboxes?: readonly string[];
  /** Read but not echoed (ids, version tokens: the form renders those itself). */
  hidden?: readonly string[];
  /** Parses what was read (the service parses again: defence in depth). */
  schema: S;
  /** Before parsing, after the permission check: answer without running (e.g. a no-JS preview button). */
  intercept?: (values: Record<string, string>, formData: FormData) => St | undefined;
  run: (actor: StaffUser, input: z.output<S>, formData: FormData) => Promise<R>;
  done: (result: R, input: z.output<S>) => StaffActionOutcome<St>;
  /** Shown when something unexpected fails (logged with its stack). */
  fallback?: string;
};

type ResolveActor = (permission: Permission) => Promise<StaffUser>;

/**
 * The one skeleton of every staff server action: permission (requireStaffAction, first, so nothing
 * runs for a signed-out or under-privileged caller) → read the fields → zod → service → map errors
 * to form state → revalidate and redirect outside the try (redirect throws). `resolveActor` is a seam
 * for tests; the app uses `staffAction` below.
 */
export function createStaffAction(resolveActor: ResolveActor) {
  return function staffActionOf<S extends z.ZodType, R, St extends FormState<Record<string, string>> = FormState>(
    spec: StaffActionSpec<S, R, St>,
  ): (prev: St, formData: FormData) => Promise<St> {
    return async (_prev, formData) => {
      const all = [...spec.fields, ...(spec.hidden ?? [])];
      const read = readFields(formData, all, { checkboxes: spec.checkboxes });
      const values = readFields(formData, spec.fields, { checkboxes: spec.checkboxes });
      const echo = spec.fields.length ? { values } : {};
      let outcome: StaffActionOutcome<St>;
      try {
        const actor = await resolveActor(spec.permission);
        const early = spec.intercept?.(read, formData);
        if (early) return early;
        const parsed = spec.schema.safeParse(read);
        if (!parsed.success) throw validationError(parsed.error.issues);
        const result = await spec.run(actor, parsed.data, formData);
        outcome = spec.done(result, parsed.data);
      } catch (e) {
        const state = await toFormState(e, { fallback: spec.fallback ?? 'Something went wrong. Please try again.', log: 'staff action failed' });
        return { ...state, ...echo } as St;
      }
      outcome.revalidate?.();
      if (outcome.redirect) redirect(outcome.redirect);
      return { status: 'ok', ...(outcome.message ? { message: outcome.message } : {}), ...outcome.state } as St;
    };
  };
}

/**
 * `export const publishCampaignAction = staffAction({ permission: 'campaigns:edit', … })`.
 * tests/unit/authz-matrix.test.ts reads the permission from this call.
 */
export const staffAction = createStaffAction(async (permission) => {
  // Loaded on first use: the Auth.js session module cannot load in vitest, which tests the skeleton.
  const { requireStaffAction } = await import('@/lib/auth/require-staff');
  return requireStaffAction(permission);
});
