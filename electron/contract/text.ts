// Free text as people type it: names, notes, comments, reasons, addresses, descriptions. Every such
// field in the contract goes through one of these, so what is stored reads back as what was typed:
// no half of a UTF-16 surrogate pair (JSON's "\ud800" escape makes one; SQLite and every UTF-8 file
// would turn it into U+FFFD) and no control characters (NUL cuts strings in C code and printers,
// the rest are invisible or move the cursor). Shared with the renderer: zod only.
import { z } from 'zod';

/** The field issue codes of this module (each has a message under validation.* in every locale). */
export const TEXT_REASONS = ['control_chars', 'lone_surrogate'] as const;
export type TextReason = (typeof TEXT_REASONS)[number];

/** One line (a name, a reason) or several (a note, an answer, a legal basis). */
export type TextKind = 'line' | 'lines';

// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, or a low
// one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls, DEL and the C1 controls (U+0080–U+009F, e.g. U+0085 "next line").
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// The same, but tab, line feed and carriage return are part of multi-line text.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** Why `s` cannot be stored as free text of this kind, or null when it can. */
export function textProblem(s: string, kind: TextKind): TextReason | null {
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  if ((kind === 'line' ? ANY_CONTROL : CONTROL_BUT_BREAKS).test(s)) return 'control_chars';
  return null;
}

/** The refinement for an existing string schema: `z.string().trim().max(80).superRefine(cleanText('line'))`. */
export function cleanText(kind: TextKind): (s: string, ctx: z.RefinementCtx<string>) => void {
  return (s, ctx) => {
    const reason = textProblem(s, kind);
    if (reason) ctx.addIssue({ code: 'custom', params: { reason }, input: s });
  };
}

/** One line of free text, trimmed, at most `max` characters (and at least `min`). */
export const lineText = (max: number, min = 0) => z.string().trim().min(min).max(max).superRefine(cleanText('line'));

/** Free text that may run over several lines (tab, CR and LF kept), trimmed. */
export const multilineText = (max: number, min = 0) => z.string().trim().min(min).max(max).superRefine(cleanText('lines'));

/** Every place in a parsed JSON value where a string (or an object key) holds a lone surrogate, as
 *  field paths ("applicant.name", "items.3"); at most `limit` of them. Iterative, so a deeply nested
 *  body cannot overflow the stack. */
export function loneSurrogatePaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0 && found.length < limit) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, String(i)) });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        // A key that is itself broken cannot name the field; its parent is named instead.
        if (LONE_SURROGATE.test(key)) stack.push({ v: key, path: join(path, '_key') });
        else stack.push({ v: inner, path: join(path, key) });
      }
    }
  }
  return found;
}
