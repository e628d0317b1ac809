/** The campaign's heading block: the treaty's short name, the title and the summary. */
export function CampaignHeader({ treatyShortName, title, summary }: { treatyShortName: string; title: string; summary: string }) {
  return (
    <header className="max-w-3xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{treatyShortName}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
      {summary && <p className="mt-3 text-lg text-muted">{summary}</p>}
    </header>
  );
}
