// Number boxes hold text; the request wants numbers. An empty box is "not given" (or null where the
// contract allows it); anything else goes through Number(), so "abc" reaches zod as NaN and gets
// the same "must be a number" message the host would give.

export function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text.trim());
}

export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

export function textOrNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}
