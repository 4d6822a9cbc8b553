/**
 * Thai digits (U+0E50 ๐ .. U+0E59 ๙) to ASCII digits.
 *
 * Thai forms and typed-in spreadsheets mix both digit sets freely ("๖/๕/๒๕๖๔", "๑,๒๓๔"),
 * so every parser in this folder runs its input through `thaiDigitsToAscii` first.
 */

const THAI_ZERO = 0x0e50;
const THAI_NINE = 0x0e59;
const THAI_DIGIT_RE = /[\u0E50-\u0E59]/g;

/** True when `s` contains at least one Thai digit. */
export function hasThaiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_NINE) return true;
  }
  return false;
}

/** Replaces every Thai digit by its ASCII digit; returns `s` itself when there is none. */
export function thaiDigitsToAscii(s: string): string {
  if (!hasThaiDigits(s)) return s;
  return s.replace(THAI_DIGIT_RE, (d) => String.fromCharCode(d.charCodeAt(0) - THAI_ZERO + 0x30));
}
