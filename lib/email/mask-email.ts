/** `jane@example.org` → `j***@example.org`; anything that is not an address is shown as-is. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  return `${address[0]}***${address.slice(at)}`;
}
