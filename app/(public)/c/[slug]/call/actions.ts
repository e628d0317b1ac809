'use server';

import { reportCall, ReportCallInput } from '@/lib/calls/report-call';
import { publicFormAction } from '@/lib/forms/public-action';
import type { FormState } from '@/lib/forms/state';

export type CallReportState = FormState & { guardToken?: string };

const value = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === 'string' ? v.slice(0, 40) : '';
};

/** "How did it go?" after a call, bound to the campaign slug (the public pipeline: form guard, per-IP limit). */
export const reportCallAction: (slug: string, prev: CallReportState, formData: FormData) => Promise<CallReportState> = publicFormAction({
  limit: 'call_report',
  schema: ReportCallInput,
  values: (f) => ({ senatorId: value(f, 'senatorId'), outcome: value(f, 'outcome'), response: value(f, 'response') }),
  input: (values, { bound, source }) => ({ ...values, campaignSlug: bound, source }),
  run: (input) => reportCall({ input }),
  sendsMail: () => false,
  success: (r): CallReportState => ({ status: 'ok', message: `Thank you: your report on Senator ${r.senatorName} is in.` }),
  fallback: 'Something went wrong on our side and your report was not saved. Please try again.',
});
