/**
 * Plain-text safety used by every writer: characters XML 1.0 cannot carry, lone surrogates,
 * whitespace folding. Pure functions, no dependencies.
 */

// XML 1.0 §2.2 Char excludes C0 controls but tab/LF/CR, U+FFFE and U+FFFF; the C1 controls
// (U+007F–U+009F) are "discouraged" and make W3C's validator warn, so they go too.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove characters that XML 1.0 forbids or discourages; lone surrogates become U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD').replace(INVALID_XML, '');
}

/** xmlSafe, then fold every run of whitespace to one space and trim: for titles, names, tags. */
export function oneLine(s: string): string {
  return xmlSafe(s).replace(/\s+/gu, ' ').trim();
}

/** Cut to at most `max` characters on a word boundary where possible, adding an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
