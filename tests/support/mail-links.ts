import { openLinks } from '@/lib/email/secret-links';

/**
 * An outbox row's props with its sealed links opened, as the drainer does at send time: the live
 * URL a recipient would click (rows never hold them in the clear).
 */
export async function liveProps(row: { props: unknown }): Promise<Record<string, unknown>> {
  return (await openLinks(row.props)).props as Record<string, unknown>;
}

/** The live URL of one link field of an outbox row. */
export async function liveLink(row: { props: unknown }, field: string): Promise<string> {
  return String((await liveProps(row))[field]);
}
