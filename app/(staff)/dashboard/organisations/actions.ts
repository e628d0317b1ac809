'use server';

import { revalidatePath } from 'next/cache';
import { revalidateCoalition } from '@/lib/campaigns/cache-tags';
import { staffAction } from '@/lib/forms/staff-action';
import { UpdateCoalitionInput, updateCoalition } from '@/lib/organisations/update-coalition';

export const updateCoalitionAction = staffAction({
  permission: 'staff:manage',
  fields: ['name', 'tagline', 'website', 'deliveryInboxEmail'],
  hidden: ['expectedUpdatedAt'],
  schema: UpdateCoalitionInput,
  run: (actor, input) => updateCoalition({ actor, input }),
  done: ({ changed }) => ({
    message: changed.length ? 'Settings saved.' : 'No changes to save.',
    // The name and tagline are in every public page's header and footer; the staff frame shows the name.
    revalidate: () => {
      revalidateCoalition();
      revalidatePath('/dashboard', 'layout');
    },
  }),
});
