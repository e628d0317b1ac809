// Pure. Links that open the supporter's own mail with the letter filled in, for offices that only
// take mail from constituents (or have no address on file). No recipient: Senate offices publish
// contact forms, not addresses, so the supporter picks the address (or uses the form).

/** Many mail clients and browsers cut mailto: URLs around 2,000 characters. */
export const MAILTO_MAX = 2000;
/** Web compose links survive far longer URLs, but proxies and servers start refusing past ~8 KB. */
export const WEB_COMPOSE_MAX = 8000;

export type SelfSendLinks = {
  mailto: string;
  gmail: string;
  outlook: string;
  contactForm?: string;
  /** False when the letter was too long to fit in the link: the supporter pastes it instead. */
  mailtoHasBody: boolean;
  webHasBody: boolean;
};

const enc = encodeURIComponent;

function withinLimit(build: (body?: string) => string, body: string, max: number): { url: string; hasBody: boolean } {
  const full = build(body);
  if (full.length <= max) return { url: full, hasBody: true };
  return { url: build(undefined), hasBody: false };
}

/** An http(s) URL as given, or undefined for anything else (a `javascript:` URL never becomes a link). */
export function safeWebUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function buildSelfSendLinks(input: { subject: string; body: string; contactForm?: string | null }): SelfSendLinks {
  const subject = input.subject.replace(/[\r\n]+/g, ' ');
  // RFC 6068: line breaks in a mailto body are written as %0D%0A.
  const crlf = input.body.replace(/\r?\n/g, '\r\n');
  const mailto = withinLimit(
    (body) => `mailto:?subject=${enc(subject)}${body === undefined ? '' : `&body=${enc(body)}`}`,
    crlf,
    MAILTO_MAX,
  );
  const gmail = withinLimit(
    (body) => `https://mail.google.com/mail/?view=cm&fs=1&su=${enc(subject)}${body === undefined ? '' : `&body=${enc(body)}`}`,
    input.body,
    WEB_COMPOSE_MAX,
  );
  const outlook = withinLimit(
    (body) => `https://outlook.office.com/mail/deeplink/compose?subject=${enc(subject)}${body === undefined ? '' : `&body=${enc(body)}`}`,
    input.body,
    WEB_COMPOSE_MAX,
  );
  const contactForm = safeWebUrl(input.contactForm);
  return {
    mailto: mailto.url,
    gmail: gmail.url,
    outlook: outlook.url,
    ...(contactForm ? { contactForm } : {}),
    mailtoHasBody: mailto.hasBody,
    webHasBody: gmail.hasBody && outlook.hasBody,
  };
}
