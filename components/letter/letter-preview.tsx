import { composeLetter, type LetterSenator } from '@/lib/letters/letter-draft';

/** A senator in the preview; `ownLetter`: the coalition's text for their stance group, instead of the edited letter. */
export type PreviewSenator = LetterSenator & { ownLetter?: { salutation: string; subject: string; body: string; label: string } };

export type PreviewInput = {
  salutation: string;
  subject: string;
  body: string;
  personalSentence: string;
  firstName: string;
  lastName: string;
  city: string;
  street: string;
  zip: string;
  state: string;
};

/**
 * Each senator's letter as it will be sent, merged with the same code the server uses. Without JS it
 * shows the suggested text; with JS it follows what the supporter types.
 */
export function LetterPreview({
  input,
  senators,
  treaty,
}: {
  input: PreviewInput;
  senators: PreviewSenator[];
  treaty: { treatyName: string; treatyShortName: string };
}) {
  const named = input.firstName.trim() || input.lastName.trim();
  return (
    <section aria-labelledby="letter-preview-heading" className="space-y-3">
      <h3 id="letter-preview-heading" className="text-lg font-semibold">
        Preview: what each senator receives
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        {senators.map((s) => {
          const text = s.ownLetter ?? input;
          const letter = composeLetter({
            salutation: text.salutation,
            subject: text.subject,
            body: text.body,
            personalSentence: input.personalSentence,
            senator: s,
            supporter: {
              firstName: named ? input.firstName : '[your name]',
              lastName: named ? input.lastName : '',
              city: input.city,
              street: input.street,
              state: input.state,
              zip: input.zip,
            },
            treaty,
          });
          return (
            <article
              key={s.name}
              aria-label={`Letter to Senator ${s.name}`}
              className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
            >
              <h4 className="font-semibold">To Senator {s.name}</h4>
              {s.ownLetter && <p className="text-muted">{s.ownLetter.label}, written by the coalition</p>}
              <p className="mt-1">
                <span className="font-medium">Subject:</span> {letter.subject}
              </p>
              <div className="mt-3 whitespace-pre-wrap break-words">{letter.body}</div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
