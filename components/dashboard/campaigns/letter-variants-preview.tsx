import type { VariantPreview } from '@/lib/campaigns/preview-letter-variants';

/** Every stance group's letter as a sample senator would receive it. */
export function LetterVariantsPreview({ previews }: { previews: VariantPreview[] }) {
  return (
    <section aria-labelledby="variants-preview-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="variants-preview-heading" className="text-lg font-semibold">
        Preview: the letter each group gets
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        {previews.map((p) => (
          <article key={p.group} aria-label={`${p.label} preview`} className="rounded-md border border-slate-200 p-3 text-sm">
            <h3 className="font-semibold">
              {p.label}
              {p.usesDefault ? ' (the campaign’s letter)' : ''}
            </h3>
            <p className="text-muted">
              To {p.sample.fictional ? `a sample senator, ${p.sample.name}` : p.sample.name}
            </p>
            <p className="mt-2 font-medium">Subject: {p.subject}</p>
            <p className="mt-1 whitespace-pre-line">{p.body}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
