import type { ActionState } from '@/components/dashboard/data-table/action-state';

export type TreatyFormState = ActionState & { values?: Record<string, string> };
