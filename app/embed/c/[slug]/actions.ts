'use server';

import { petitionFormAction } from '@/lib/forms/petition-action';

/** The embedded petition's action: the campaign page's pipeline, its consents recorded as `embed`. */
export const signEmbeddedPetitionAction = petitionFormAction('embed');
