'use client';

import { useId, useState } from 'react';
import { Field, TextAreaField } from '@/components/ui/field';
import type { SampleSenator } from '@/lib/campaigns/get-staff-campaign';
import { buildLetterDraft, composeLetter, LETTER_BODY_MAX, LETTER_SUBJECT_MAX } from '@/lib/letters/letter-draft';
import { MergeFieldList } from './merge-field-list';

const SAMPLE_SUPPORTER = { firstName: 'Alex', lastName: 'Rivera', city: 'Springfield', state: 'IL' };
const SAMPLE_SENTENCE = '[The writer’s own sentence goes here.]';

/**
 * Subject and body templates with the merge-field list and the letter as a sample senator would
 * receive it, merged by the same code that sends letters (so what staff see is what offices get).
 */
export function LetterTemplateEditor({
  subject: initialSubject,
  body: initialBody,
  errors,
  treaty,
  senator,
  requirePersonalSentence,
}: {
  subject: string;
  body: string;
  errors: { subject?: string; body?: string };
  treaty: { treatyName: string; treatyShortName: string };
  senator: SampleSenator;
  requirePersonalSentence: boolean;
}) {
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState(initialBody);
  const fieldsId = useId();
  const headingId = useId();
  const draft = buildLetterDraft({ subjectTemplate: subject, bodyTemplate: body, ...treaty });
  const letter = composeLetter({
    salutation: draft.salutation,
    subject: draft.subject,
    body: draft.body,
    personalSentence: requirePersonalSentence ? SAMPLE_SENTENCE : '',
    senator,
    supporter: SAMPLE_SUPPORTER,
    treaty,
  });
  const to = senator.fictional ? `${senator.name} (a made-up senator: no roster yet)` : `${senator.name} of ${senator.stateName}`;

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <div className="space-y-4">
        <Field
          label="Letter subject template"
          name="letterSubjectTemplate"
          defaultValue={initialSubject}
          maxLength={LETTER_SUBJECT_MAX}
          onChange={(e) => setSubject(e.target.value)}
          error={errors.subject}
          hint="One line. Merge fields allowed."
          autoComplete="off"
        />
        <TextAreaField
          label="Letter body template"
          name="letterBodyTemplate"
          rows={14}
          defaultValue={initialBody}
          maxLength={LETTER_BODY_MAX}
          onChange={(e) => setBody(e.target.value)}
          error={errors.body}
          hint="A first line such as “Dear {{senator_title}} {{senator_last_name}},” is written per senator."
        />
        <MergeFieldList id={fieldsId} />
      </div>
      <section aria-labelledby={headingId} className="min-w-0">
        <h3 id={headingId} className="font-medium">
          Letter preview
        </h3>
        <p className="text-sm text-muted">
          To {to}, from a sample supporter ({SAMPLE_SUPPORTER.firstName} {SAMPLE_SUPPORTER.lastName}, {SAMPLE_SUPPORTER.city},{' '}
          {SAMPLE_SUPPORTER.state}).
        </p>
        <div className="mt-1 rounded-md border border-slate-200 bg-white p-4 text-sm">
          <p>
            <span className="font-semibold">Subject:</span> {letter.subject}
          </p>
          <p className="mt-3 whitespace-pre-line">{letter.body}</p>
        </div>
        {draft.problems.length > 0 && (
          <ul className="mt-2 list-disc pl-5 text-sm font-medium text-red-700">
            {draft.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
