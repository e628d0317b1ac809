import { useId } from 'react';

// Hidden anti-bot fields for public forms (see lib/security/form-guard.ts). The token comes from
// `issueFormGuardToken()` on the server. Plain markup: usable from server and client components.
// The field names are repeated here because lib/security is server-only.
export function FormGuardFields({ token }: { token: string }) {
  const id = useId();
  return (
    <>
      <input type="hidden" name="form_started" value={token} />
      {/* Off-screen rather than display:none, which some bots skip; hidden from assistive tech too. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={id}>Leave this field empty</label>
        <input id={id} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}
