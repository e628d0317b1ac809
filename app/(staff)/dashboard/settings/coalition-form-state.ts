import type { ActionState } from '@/components/dashboard/data-table/action-state';

export type CoalitionFormState = ActionState & { values?: Record<string, string> };
