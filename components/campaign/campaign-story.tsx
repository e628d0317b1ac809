import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeHttpUrl } from './stage-copy';

// Staff-written Markdown. Raw HTML is dropped (skipHtml), not rendered; links keep only http(s) and
// mailto targets; images are not shown because the CSP allows none from elsewhere and we would
// rather not proxy them. Headings are shifted down one level: the page owns the h1.
const components: Components = {
  a: ({ href, children }) => {
    const local = !!href && (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//')));
    const safe = href?.startsWith('mailto:') || local ? href : safeHttpUrl(href);
    if (!safe) return <>{children}</>;
    const external = /^https?:/.test(safe);
    return (
      <a href={safe} {...(external ? { rel: 'noopener noreferrer nofollow' } : {})}>
        {children}
      </a>
    );
  },
  h1: ({ children }) => <h2>{children}</h2>,
};

export function CampaignStory({ markdown }: { markdown: string }) {
  if (!markdown.trim()) return null;
  return (
    <div className="prose-story">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        components={components}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
