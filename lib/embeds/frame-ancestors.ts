import { z } from 'zod';

// Which sites may frame /embed/*: `*` (any site) or a list of http(s) origins. Pure and client-safe:
// the settings form, the service, lib/env.ts (EMBED_FRAME_ANCESTORS) and the proxy share it.
// Stored and sent normalised: lower-case origins, default ports dropped, one space between them.

export const FRAME_ANCESTORS_MAX = 50;

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** One entry as an origin (`https://partner.example`), or null when it is anything else. */
function toOrigin(entry: string): string | null {
  // A bare `?` or `#` vanishes in URL parsing, and anything past the host would be dropped: refuse both.
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(entry)) return null;
  let u: URL;
  try {
    u = new URL(entry);
  } catch {
    return null;
  }
  // The host must be a plain name or IPv4 address: nothing a CSP header could read as more syntax.
  if (u.username || u.password || !HOST.test(u.hostname)) return null;
  return u.origin;
}

export type FrameAncestorsParse = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Whitespace- or comma-separated entries → the normalised list, or null when empty (unset: the
 * server default applies). `*` must stand alone; every other entry must be an http(s) origin.
 */
export function parseFrameAncestors(raw: string): FrameAncestorsParse {
  const entries = raw.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { ok: true, value: null };
  if (entries.includes('*')) {
    return entries.length === 1 ? { ok: true, value: '*' } : { ok: false, message: 'Use * on its own (any site), or list the sites’ origins without it.' };
  }
  if (entries.length > FRAME_ANCESTORS_MAX) return { ok: false, message: `List at most ${FRAME_ANCESTORS_MAX} sites.` };
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = toOrigin(entry);
    if (!origin) {
      const shown = entry.length > 60 ? `${entry.slice(0, 60)}…` : entry;
      return { ok: false, message: `“${shown}” is not a site’s origin. Use http:// or https:// and the host only, like https://partner.example, or * for any site.` };
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, value: origins.join(' ') };
}

/** The form and service field: the normalised list, or null for "not set here". */
export const FrameAncestorsField = z
  .string({ error: 'List the sites that may embed your campaigns, or leave it empty.' })
  .max(5000, 'That list is too long.')
  // Nullish: the service parses the action's output again (defence in depth), where unset is null.
  .nullish()
  .transform((raw, ctx) => {
    const parsed = parseFrameAncestors(raw ?? '');
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });
