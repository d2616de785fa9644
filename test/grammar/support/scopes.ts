// The reply-class part of the scope contract (design.md "Contracts"): which
// scope fragment each reply-code class carries.

export const REPLY_CLASSES = [
  'reply.preliminary',
  'reply.completion',
  'reply.intermediate',
  'reply.transient-negative',
  'reply.permanent-negative',
] as const;

export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** The class a code must be scoped with; undefined for 6yz protected replies (a neutral scope). */
export function classOfCode(code: number): ReplyClass | undefined {
  const first = Math.floor(code / 100);
  return first >= 1 && first <= 5 ? REPLY_CLASSES[first - 1] : undefined;
}

/** The reply classes named by one scope string (a contract-abiding scope names at most one). */
export function classesInScope(scope: string): ReplyClass[] {
  const parts = scope.split('.');
  const found: ReplyClass[] = [];
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i] !== 'reply') continue;
    const candidate = `reply.${parts[i + 1]}`;
    if ((REPLY_CLASSES as readonly string[]).includes(candidate)) found.push(candidate as ReplyClass);
  }
  return found;
}

/** All reply classes carried by a token's scope stack. */
export function classesOfToken(scopes: readonly string[]): ReplyClass[] {
  return scopes.flatMap(classesInScope);
}
