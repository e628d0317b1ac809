import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/sign-out-action';

export function SignOutForm() {
  return (
    <form action={signOutAction}>
      <Button variant="secondary" pendingLabel="Signing out…">
        Sign out
      </Button>
    </form>
  );
}
