// Reading form posts: every field as a capped string, so what a person typed can be echoed back
// after an error without echoing a megabyte, and zod sees plain strings.

const DEFAULT_MAX = 20_000;

/** `fields` as strings ('' when absent); `checkboxes` as 'on' or ''. Files and other non-strings read as ''. */
export function readFields<K extends string>(
  formData: Pick<FormData, 'get'>,
  fields: readonly K[],
  { checkboxes = [], max = DEFAULT_MAX }: { checkboxes?: readonly string[]; max?: number } = {},
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of fields) {
    const v = formData.get(key);
    if (checkboxes.includes(key)) out[key] = v !== null && v !== '' ? 'on' : '';
    else out[key] = typeof v === 'string' ? v.slice(0, max) : '';
  }
  return out;
}

/** One field as a capped string ('' when absent). */
export function readField(formData: Pick<FormData, 'get'>, key: string, max = DEFAULT_MAX): string {
  const v = formData.get(key);
  return typeof v === 'string' ? v.slice(0, max) : '';
}
