/**
 * Reading xml2js wire nodes (what rss-parser hands us) without ever letting a raw `{_, $}` object
 * escape: every accessor returns a string, a string array or null.
 *
 * xml2js shapes (explicitArray): an element is an array of occurrences; each occurrence is a string
 * (text only), `{_: text, $: attrs}` (text with attributes), `{$: attrs, child: [...]}` or ''.
 */
import { escapeHtml } from '../../text/sanitize.js';

export type XmlNode = { [key: string]: unknown; $?: Record<string, string>; _?: string };

function asNode(v: unknown): XmlNode | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : null;
}

/** All occurrences of child element `name`. */
export function children(parent: XmlNode | null | undefined, name: string): unknown[] {
  const v = parent?.[name];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** Attribute `name` of an occurrence. */
export function attr(occ: unknown, name: string): string | null {
  const a = asNode(occ)?.$?.[name];
  return typeof a === 'string' ? a : null;
}

/**
 * The text of an occurrence. When the element has child elements, they are serialized back to
 * markup. xml2js does not keep the order of text and child elements, so mixed content would come
 * back with its text first: that is why raw HTML in RSS descriptions (rss.ts, rawHtmlAsText) and
 * Atom `type="xhtml"` (atom.ts, xhtmlAsHtml) are escaped before parsing. This is the fallback.
 */
export function textOf(occ: unknown): string | null {
  if (typeof occ === 'string') return occ;
  const n = asNode(occ);
  if (!n) return null;
  const inner = serializeChildren(n);
  const t = typeof n._ === 'string' ? n._ : '';
  return inner ? `${t}${inner}` : t;
}

/** The text of the first occurrence of `name`, trimmed; null when absent or empty. */
export function childText(parent: XmlNode | null | undefined, ...names: string[]): string | null {
  for (const name of names) {
    const first = children(parent, name)[0];
    const t = first === undefined ? null : textOf(first);
    if (t !== null && t.trim() !== '') return t.trim();
  }
  return null;
}

/** Texts of every occurrence of each of `names`, trimmed, non-empty. */
export function childTexts(parent: XmlNode | null | undefined, ...names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    for (const occ of children(parent, name)) {
      const t = textOf(occ)?.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

function serializeChildren(n: XmlNode): string {
  let out = '';
  for (const [key, value] of Object.entries(n)) {
    if (key === '$' || key === '_') continue;
    for (const occ of Array.isArray(value) ? value : [value]) out += serialize(key, occ);
  }
  return out;
}

function serialize(tag: string, occ: unknown): string {
  const name = tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag;
  const n = asNode(occ);
  const attrs = n?.$
    ? Object.entries(n.$)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join('')
    : '';
  const body = typeof occ === 'string' ? escapeHtml(occ) : n ? `${typeof n._ === 'string' ? escapeHtml(n._) : ''}${serializeChildren(n)}` : '';
  return `<${name}${attrs}>${body}</${name}>`;
}
