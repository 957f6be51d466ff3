// Plain-text field rules shared by every schema: trimmed, bounded, no control characters and
// no HTML markup (a pasted web page or a 10 MB paste gets a clear error, not a silent write).
import { z } from 'zod';

// A tag opener ('<b', '</p', '<!--') with a '>' somewhere after it. Tested as "first opener,
// then indexOf('>')" rather than /<\/?[a-z!][^>]*>/i, which means the same but backtracks
// quadratically on text full of openers and no '>' (40 000 chars of '<a' took ~1 s).
const MARKUP_OPEN = /<\/?[a-z!]/i;
function hasMarkup(s: string): boolean {
  const open = MARKUP_OPEN.exec(s);
  return open !== null && s.indexOf('>', open.index) !== -1;
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A plain-text string of at most `max` characters (after trimming). */
export function plainText(max: number) {
  return z
    .string({ error: 'required' })
    .max(max * 4, { error: 'too_long' })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'too_long' })
        .refine((s) => !CONTROL.test(s), { error: 'control_chars' })
        .refine((s) => !hasMarkup(s), { error: 'no_markup' }),
    );
}

/** A required single-line text of at most `max` characters. */
export function requiredLine(max: number) {
  return plainText(max).pipe(z.string().min(1, { error: 'required' }).refine((s) => !/[\r\n]/.test(s), { error: 'single_line' }));
}

/** An optional text: empty becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), plainText(max).optional());
}
