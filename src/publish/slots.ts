/**
 * Placeholders for `feed`'s output. feed@6 escapes text and attributes wrongly (only the first
 * `]]>`, raw `<` in attributes, `&amp;` "desanitized" in text, Atom titles forced to
 * type="html"). So every text value is handed to it as an opaque token, and after rendering
 * each token is replaced by markup we escaped ourselves. A token must occur exactly once:
 * if a future `feed` writes a value elsewhere or drops it, the build fails instead of
 * publishing something we did not check.
 */
import { randomBytes } from 'node:crypto';
import { StraitfeedError } from '../errors.js';

interface Slot {
  token: string;
  /** Exact text around the token in feed's output, e.g. `<title type="html"><![CDATA[` … `]]></title>`. */
  before: string;
  after: string;
  replacement: string;
}

export class Slots {
  // Letters and digits only: feed, xml-js and URL parsing leave such a string untouched. The
  // nonce never reaches the output (every token is replaced), so output stays deterministic.
  private readonly nonce = `sf${randomBytes(6).toString('hex')}`;
  private readonly slots: Slot[] = [];

  /** A token for feed to write; `before`/`after` is what must surround it in feed's output. */
  put(replacement: string, before = '', after = ''): string {
    const token = `${this.nonce}x${this.slots.length}z`;
    this.slots.push({ token, before, after, replacement });
    return token;
  }

  /** Replace every token (with its surroundings) by its replacement, in one pass. */
  fill(xml: string, format: string): string {
    const unexpected = (what: string): StraitfeedError =>
      new StraitfeedError('PUBLISH_FAILED', `feed wrote a value in an unexpected place (${what.slice(0, 80)})`, {
        stage: 'publish', where: format,
      });
    const pattern = new RegExp(`${this.nonce}x(\\d+)z`, 'g');
    const used = new Set<number>();
    const parts: string[] = [];
    let pos = 0;
    for (const m of xml.matchAll(pattern)) {
      const n = Number(m[1]);
      const s = this.slots[n];
      if (!s || used.has(n)) throw unexpected(m[0]);
      used.add(n);
      const start = m.index - s.before.length;
      const end = m.index + m[0].length + s.after.length;
      if (start < pos || xml.slice(start, m.index) !== s.before || xml.slice(m.index + m[0].length, end) !== s.after) {
        throw unexpected(xml.slice(Math.max(0, start), end));
      }
      parts.push(xml.slice(pos, start), s.replacement);
      pos = end;
    }
    parts.push(xml.slice(pos));
    if (used.size !== this.slots.length) {
      const missing = this.slots.find((_, i) => !used.has(i))!;
      throw unexpected(`${missing.before}…${missing.after} is missing`);
    }
    return parts.join('');
  }
}

/** Replace `from` that must occur exactly once (a fix-up of feed's fixed markup). */
export function replaceOnce(xml: string, from: string, to: string, format: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) {
    throw new StraitfeedError('PUBLISH_FAILED', `expected exactly one ${from} in feed's output`, { stage: 'publish', where: format });
  }
  return `${xml.slice(0, at)}${to}${xml.slice(at + from.length)}`;
}
