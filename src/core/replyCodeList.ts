// A list of reply codes as a user writes it in settings.json: strings
// ("550"), as the Settings UI edits them, or numbers (550), as the setting's
// first schema allowed. Anything else in the list (or a value that is not a
// list at all) is left out rather than thrown at the extension host.

const REPLY_CODE = /^[1-6]\d\d$/;

/** The reply codes of a setting's value, each as its three digits. */
export function replyCodeSet(value: unknown): ReadonlySet<string> {
  const codes = new Set<string>();
  if (!Array.isArray(value)) return codes;
  for (const item of value) {
    const text = typeof item === 'string' ? item.trim() : typeof item === 'number' && Number.isInteger(item) ? String(item) : '';
    if (REPLY_CODE.test(text)) codes.add(text);
  }
  return codes;
}
