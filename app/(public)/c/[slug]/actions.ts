'use server';

import { petitionFormAction } from '@/lib/forms/petition-action';

/** The petition form's action, bound to the campaign slug (the pipeline: lib/forms/petition-action.ts). */
export const signPetitionAction = petitionFormAction('form');
