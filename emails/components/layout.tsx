import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

// Inline styles only: most mail clients drop <style> blocks and ignore classes.
const body = { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' };
const container = { backgroundColor: '#ffffff', maxWidth: '600px', margin: '0 auto', padding: '24px 32px' };
const brand = { color: '#1e3a8a', fontSize: '14px', fontWeight: 700, letterSpacing: '0.02em', margin: '0 0 16px' };
const footer = { color: '#6b7280', fontSize: '12px', lineHeight: '18px', margin: '4px 0' };

export const textStyle = { color: '#111827', fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' };
export const headingStyle = { color: '#111827', fontSize: '22px', lineHeight: '30px', margin: '0 0 16px' };
export const buttonStyle = {
  backgroundColor: '#1e3a8a',
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '16px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};
export const mutedStyle = { color: '#4b5563', fontSize: '14px', lineHeight: '20px', margin: '0 0 12px' };

export type EmailLayoutProps = {
  preview: string;
  coalitionName: string;
  /** Shown as a visible link in the footer (required for marketing mail). */
  unsubscribeUrl?: string;
  /** Why the reader is getting this message, one sentence. */
  reason?: string;
  children: ReactNode;
};

export function EmailLayout({ preview, coalitionName, unsubscribeUrl, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>{coalitionName}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e5e7eb', margin: '24px 0 12px' }} />
          {reason ? <Text style={footer}>{reason}</Text> : null}
          <Text style={footer}>Sent by {coalitionName}.</Text>
          {unsubscribeUrl ? (
            <Text style={footer}>
              Don’t want these emails?{' '}
              <Link href={unsubscribeUrl} style={{ color: '#1e3a8a', textDecoration: 'underline' }}>
                Unsubscribe
              </Link>
              .
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/** Supporter-typed text keeps its line breaks: blank lines split paragraphs, single newlines become <br>. */
export function Paragraphs({ text, style = textStyle }: { text: string; style?: React.CSSProperties }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <Text key={i} style={style}>
          {p.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ))}
    </>
  );
}
