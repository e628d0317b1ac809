import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SourceInput } from './source-input';

// The letter action as the campaign page offers it: a short explanation and a GET form to the
// letters route (app/(public)/c/[slug]/write), which does the rest. Plain markup, no JS needed.
export function LetterPanel({
  slug,
  source,
  defaultZip,
  headingLevel = 2,
}: {
  slug: string;
  source?: string;
  defaultZip?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const zipId = `${id}-zip`;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-5">
      <Heading id={`${id}-heading`} className="text-lg font-semibold">
        Write to your senators
      </Heading>
      <p className="mt-2 text-sm text-muted">
        A letter from a constituent carries weight with a Senate office. Enter your ZIP code to find your two
        senators and send them a letter you can edit in your own words.
      </p>
      <form action={`/c/${slug}/write`} method="get" className="mt-3 flex flex-wrap items-end gap-2">
        <SourceInput initial={source} />
        <Field
          label="Your ZIP code"
          name="zip"
          id={zipId}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={10}
          defaultValue={defaultZip}
          required
          className="w-40"
        />
        <Button className="mb-1">Find my senators</Button>
      </form>
    </section>
  );
}
