// Always rendered, so the live region exists before its text changes and screen readers announce it.
export function ModerationNotice({ moderated }: { moderated: string | string[] | undefined }) {
  const message = moderated === 'approve' ? 'Comment approved.' : moderated === 'hide' ? 'Comment hidden.' : null;
  return (
    <div role="status" className="mb-4 empty:mb-0">
      {message && <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">{message}</p>}
    </div>
  );
}
