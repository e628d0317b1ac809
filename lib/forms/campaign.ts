import type { FormState } from './state';

// What the campaign forms' server actions hand back (client-safe: the forms import these types).

/** The editor: fields as submitted (checkboxes 'on' or ''), shown again after an error. */
export type CampaignEditorState = FormState & {
  /** The no-JS "Preview" button: nothing was saved; the page shows the submitted story rendered. */
  preview?: boolean;
};
export type CreateCampaignState = FormState;
export type CloseCampaignState = FormState;
