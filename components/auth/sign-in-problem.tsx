import Link from "next/link";

/** Why a sign-in did not work, and the one way forward: a new link. */
export function SignInProblem({
  title,
  body,
}: {
  title: string;
  body: string;
}) {
  return (
    <div className="max-w-xl border-l-4 border-amber-500 pl-5">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-3 text-lg">{body}</p>
      <p className="mt-6">
        <Link
          href="/sign-in"
          className="font-semibold text-brand-700 underline"
        >
          Request a new sign-in link
        </Link>
      </p>
    </div>
  );
}
