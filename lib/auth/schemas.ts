import { z } from 'zod';

export const RequestSignInInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter your work email address, like name@example.org.').max(254, 'That address is too long.')),
  callbackUrl: z.string().max(2000).optional(),
});
export type RequestSignInInput = z.infer<typeof RequestSignInInput>;
