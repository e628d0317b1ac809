'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { StaffCampaign } from '@/lib/campaigns/get-staff-campaign';
import { GOAL_MAX, SLUG_MAX, SUMMARY_MAX, TITLE_MAX } from '@/lib/campaigns/schemas';
import type { CampaignEditorState } from '@/lib/forms/campaign';
import { LetterTemplateEditor } from './letter-template-editor';
import { StoryEditor } from './story-editor';

export type TreatyOption = { id: string; name: string; shortName: string };

const visibilityOptions = [
  { value: 'hidden', label: 'Don’t show signers' },
  { value: 'first_name_state', label: 'First name and state (“Maria, IL”)' },
  { value: 'full_name_state', label: 'Full name and state' },
];
const deliveryOptions = [
  { value: 'office', label: 'Each senator’s office (emailed where we have an address, else the writer sends it)' },
  { value: 'coalition_inbox', label: 'The coalition’s delivery inbox (for hand delivery)' },
  { value: 'supporter', label: 'The writer sends it themselves' },
];

function fromCampaign(c: StaffCampaign): Record<string, string> {
  return {
    title: c.title,
    slug: c.slug,
    summary: c.summary,
    storyMd: c.storyMd,
    treatyId: c.treatyId,
    petitionGoal: String(c.petitionGoal),
    goalAutoStep: c.goalAutoStep ? 'on' : '',
    signerVisibility: c.signerVisibility,
    commentModeration: c.commentModeration ? 'on' : '',
    letterSubjectTemplate: c.letterSubjectTemplate,
    letterBodyTemplate: c.letterBodyTemplate,
    requirePersonalSentence: c.requirePersonalSentence ? 'on' : '',
    deliveryMode: c.deliveryMode,
  };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Every editable field of a campaign in one plain form (works without JS). It carries the version
 * it was opened at (`expectedUpdatedAt`), so a save over a colleague's newer edit is refused.
 */
export function CampaignEditorForm({
  campaign,
  treaties,
  appUrl,
  action,
}: {
  campaign: StaffCampaign;
  treaties: TreatyOption[];
  appUrl: string;
  action: (state: CampaignEditorState, formData: FormData) => Promise<CampaignEditorState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.values ?? fromCampaign(campaign);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const [treatyId, setTreatyId] = useState(v.treatyId);
  const [personal, setPersonal] = useState(v.requirePersonalSentence === 'on');
  const treaty = treaties.find((t) => t.id === treatyId) ?? { name: campaign.treaty.name, shortName: campaign.treaty.shortName };
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed save, take the keyboard to the first field to fix.
  useEffect(() => {
    if (state.status === 'error' && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="id" value={campaign.id} />
      <input type="hidden" name="expectedUpdatedAt" value={campaign.updatedAt} />

      <Section title="Basics">
        <Field label="Title" name="title" defaultValue={v.title} maxLength={TITLE_MAX} error={err('title')} autoComplete="off" required />
        <Field
          label="Web address"
          name="slug"
          defaultValue={v.slug}
          maxLength={SLUG_MAX}
          error={err('slug')}
          autoComplete="off"
          spellCheck={false}
          required
          hint={`The public link is ${appUrl.replace(/\/$/, '')}/c/<address>. Changing it keeps the old link working.`}
        />
        <TextAreaField label="Summary" name="summary" rows={3} maxLength={SUMMARY_MAX} defaultValue={v.summary} error={err('summary')} hint="One or two sentences under the title, and in link previews." />
        <SelectField
          label="Treaty"
          name="treatyId"
          options={treaties.map((t) => ({ value: t.id, label: t.shortName }))}
          defaultValue={v.treatyId}
          onChange={(e) => setTreatyId(e.target.value)}
          error={err('treatyId')}
        />
      </Section>

      <Section title="Story">
        <StoryEditor defaultValue={v.storyMd} error={err('storyMd')} />
      </Section>

      <Section title="Petition">
        <Field label="Petition goal (signatures)" name="petitionGoal" type="number" inputMode="numeric" min={1} max={GOAL_MAX} defaultValue={v.petitionGoal} error={err('petitionGoal')} className="max-w-xs" />
        <CheckboxField label="Raise the goal automatically when it is reached" name="goalAutoStep" defaultChecked={v.goalAutoStep === 'on'} error={err('goalAutoStep')} />
        <SelectField label="Show signers on the page" name="signerVisibility" options={visibilityOptions} defaultValue={v.signerVisibility} error={err('signerVisibility')} />
        <CheckboxField
          label="Hold comments for moderation before they appear"
          name="commentModeration"
          defaultChecked={v.commentModeration === 'on'}
          error={err('commentModeration')}
        />
      </Section>

      <Section title="Letters to senators">
        <LetterTemplateEditor
          subject={v.letterSubjectTemplate}
          body={v.letterBodyTemplate}
          errors={{ subject: err('letterSubjectTemplate'), body: err('letterBodyTemplate') }}
          treaty={{ treatyName: treaty.name, treatyShortName: treaty.shortName }}
          senator={campaign.sampleSenator}
          requirePersonalSentence={personal}
        />
        <CheckboxField
          label="Ask each writer for a sentence in their own words (required)"
          name="requirePersonalSentence"
          defaultChecked={personal}
          onChange={(e) => setPersonal(e.target.checked)}
          error={err('requirePersonalSentence')}
          hint="Offices give more weight to letters that are not identical."
        />
        <SelectField
          label="Where letters go"
          name="deliveryMode"
          options={deliveryOptions}
          defaultValue={v.deliveryMode}
          error={err('deliveryMode')}
          hint={campaign.coalitionInboxSet ? undefined : 'The coalition inbox is not set yet: an owner or admin sets it under Organisations.'}
        />
      </Section>

      <div className="space-y-3">
        <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
        {state.preview && <p className="text-sm text-muted">Preview only: nothing was saved.</p>}
        <div className="flex flex-wrap gap-3">
          <Button name="intent" value="save" pendingLabel="Saving…">
            Save changes
          </Button>
          {campaign.status === 'draft' && (
            <Button name="intent" value="publish" variant="secondary" pendingLabel="Publishing…">
              Save and publish
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
