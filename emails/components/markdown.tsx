import { Heading, Link, Text } from '@react-email/components';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { headingStyle, textStyle } from './layout';

const linkStyle = { color: '#1e3a8a', textDecoration: 'underline' };
const safeHref = (href: string | undefined) => (href && /^(https?:|mailto:)/i.test(href) ? href : undefined);

// Staff-written Markdown in an email: raw HTML is dropped (skipHtml), images are not shown (mail
// clients block them and they track readers), links keep only http(s) and mailto targets, and each
// element gets the inline styles mail clients need.
const components: Components = {
  p: ({ children }) => <Text style={textStyle}>{children}</Text>,
  a: ({ href, children }) => {
    const safe = safeHref(href);
    return safe ? (
      <Link href={safe} style={linkStyle}>
        {children}
      </Link>
    ) : (
      <>{children}</>
    );
  },
  h1: ({ children }) => (
    <Heading as="h2" style={{ ...headingStyle, fontSize: '20px' }}>
      {children}
    </Heading>
  ),
  h2: ({ children }) => (
    <Heading as="h3" style={{ ...headingStyle, fontSize: '18px' }}>
      {children}
    </Heading>
  ),
  h3: ({ children }) => (
    <Heading as="h4" style={{ ...headingStyle, fontSize: '16px' }}>
      {children}
    </Heading>
  ),
  li: ({ children }) => <li style={{ ...textStyle, margin: '0 0 6px' }}>{children}</li>,
};

export function Markdown({ source }: { source: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml disallowedElements={['img']} unwrapDisallowed components={components}>
      {source}
    </ReactMarkdown>
  );
}
