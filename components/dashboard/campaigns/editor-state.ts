import type { ActionState } from '@/components/dashboard/data-table/action-state';

// What the campaign forms' server actions hand back (client-safe: the forms import these types).

/** The editor's fields as submitted (strings, checkboxes as 'on' or ''), shown again after an error. */
export type CampaignEditorValues = Record<string, string>;

export type CampaignEditorState = ActionState & {
  values?: CampaignEditorValues;
  /** The no-JS "Preview" button: nothing was saved; the page shows the submitted story rendered. */
  preview?: boolean;
};

export type CreateCampaignState = ActionState & { values?: { title: string; slug: string; treatyId: string } };

export type CloseCampaignState = ActionState & { values?: { resultNote: string } };

export const EDITOR_FIELDS = [
  'title',
  'slug',
  'summary',
  'storyMd',
  'treatyId',
  'petitionGoal',
  'goalAutoStep',
  'signerVisibility',
  'commentModeration',
  'letterSubjectTemplate',
  'letterBodyTemplate',
  'requirePersonalSentence',
  'deliveryMode',
] as const;

export const EDITOR_CHECKBOXES = new Set<string>(['goalAutoStep', 'commentModeration', 'requirePersonalSentence']);
