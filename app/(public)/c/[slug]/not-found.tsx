
export default function CampaignNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">We couldn’t find that campaign</h1>
      <p className="mt-3 text-muted">
        The link may be mistyped, or the campaign may not be public yet. You can see every open campaign on the home
        page.
      </p>
      <p className="mt-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load of a cached page; see app/(public)/layout.tsx */}
        <a href="/" className="font-semibold text-brand-700 underline">
          See all campaigns
        </a>
      </p>
    </div>
  );
}
