import { render } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';
import { templateDefinition, type RenderProps, type TemplateName } from '@/emails/registry';
import { openLinks, redactSecrets, type SecretValue } from './secret-links';

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  replyTo?: string;
  /** Tokens opened from sealed links: what must not stay in a kept copy (redactSecrets). */
  secrets: SecretValue[];
};

/** The row can never render (unknown template, props that fail the schema): retrying will not help. */
const TEMPLATE_ERROR = Symbol.for('ratify.TemplateError');

export class TemplateError extends Error {
  readonly [TEMPLATE_ERROR] = true;
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** A TemplateError from any copy of this module (Next's server chunks can each hold one; see lib/errors.ts). */
export function isTemplateError(err: unknown): err is TemplateError {
  return typeof err === 'object' && err !== null && (err as { [TEMPLATE_ERROR]?: unknown })[TEMPLATE_ERROR] === true;
}

/** Subjects become a header line: a CR or LF would let text start a new header. */
export function sanitizeSubject(subject: string): string {
  return subject.replace(/[\r\n]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** `/unsubscribe/<token>` (the page) → `/api/unsubscribe/<token>` (the one-click POST endpoint). */
export function oneClickUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  if (u.pathname.startsWith('/unsubscribe/')) u.pathname = `/api${u.pathname}`;
  return u.toString();
}

/** Render a template from its props: plain URLs, or sealed links as an outbox row stores them. */
export async function renderEmail<N extends TemplateName>(template: N, props: RenderProps<N>): Promise<RenderedEmail>;
export async function renderEmail(template: string, props: unknown): Promise<RenderedEmail>;
export async function renderEmail(template: string, stored: unknown): Promise<RenderedEmail> {
  const def = templateDefinition(template);
  if (!def) throw new TemplateError(`Unknown email template "${template}"`);
  let props: unknown;
  let secrets: SecretValue[];
  try {
    ({ props, secrets } = await openLinks(stored));
  } catch (err) {
    throw new TemplateError(`A link in email template "${template}" cannot be opened: ${(err as Error).message}`);
  }
  const parsed = def.props.safeParse(props);
  if (!parsed.success) {
    // Paths and messages only: zod messages do not echo the (personal) values.
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new TemplateError(`Invalid props for email template "${template}": ${detail}`);
  }
  const data = parsed.data;
  const element = createElement(def.component as FunctionComponent<object>, data as object);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);

  const headers: Record<string, string> = {};
  if (def.marketing || def.toSupporter) {
    const url = (data as { unsubscribeUrl?: unknown }).unsubscribeUrl;
    if (typeof url !== 'string' || !url) throw new TemplateError(`Template "${template}" goes to supporters and needs an unsubscribeUrl`);
    // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the URL, with no cookies
    // and no page in between: so the header names the route handler, not the page with a button.
    headers['List-Unsubscribe'] = `<${oneClickUrl(url)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }

  const replyTo = def.replyTo?.(data);
  return { subject: sanitizeSubject(def.subject(data)), html, text, headers, secrets, ...(replyTo ? { replyTo } : {}) };
}

/** The copy of a sent (or attempted) email the outbox keeps: its links' tokens redacted. */
export function keptCopy(r: RenderedEmail) {
  return {
    renderedSubject: r.subject,
    renderedHtml: redactSecrets(r.html, r.secrets),
    renderedText: redactSecrets(r.text, r.secrets),
  };
}
