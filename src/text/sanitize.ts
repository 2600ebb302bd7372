/**
 * The only importer of sanitize-html. Every piece of HTML that straitfeed publishes or shows,
 * from entry bodies or from source feeds, goes through `sanitizeHtml` (a strict allowlist and a
 * size cap); every piece of text derived from HTML goes through `htmlToText`.
 */
import sanitize from 'sanitize-html';
import { oneLine, xmlSafe } from './clean.js';

/** Inputs larger than this are cut before parsing (sanitize-html is linear but not free). */
export const MAX_HTML_INPUT = 512 * 1024;

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
  'blockquote', 'q', 'cite', 'code', 'pre', 'kbd', 'samp', 'abbr', 'time',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'figure', 'figcaption', 'img',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  time: ['datetime'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start'],
};

function resolveUrl(value: string, baseUrl: string | undefined): string | null {
  const v = value.trim();
  if (!v) return null;
  try {
    const u = baseUrl ? new URL(v, baseUrl) : new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'mailto:') return null;
    return u.href;
  } catch {
    return null;
  }
}

export interface SanitizeOptions {
  /** Relative href/src are resolved against this; without it, relative URLs are dropped. */
  baseUrl?: string | undefined;
  /** Cap on the output length in characters (the cut never splits a tag). */
  maxChars?: number | undefined;
}

/** Sanitize HTML with a strict allowlist: no scripts, styles, event handlers, iframes or forms. */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  const input = xmlSafe(html.length > MAX_HTML_INPUT ? html.slice(0, MAX_HTML_INPUT) : html);
  const out = sanitize(input, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? null : resolveUrl(attribs.href, opts.baseUrl);
        const next: Record<string, string> = { ...attribs };
        if (href) next.href = href;
        else delete next.href;
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const src = attribs.src === undefined ? null : resolveUrl(attribs.src, opts.baseUrl);
        const next: Record<string, string> = { ...attribs };
        if (src && !src.startsWith('mailto:')) next.src = src;
        else delete next.src;
        return { tagName, attribs: next };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
  return opts.maxChars !== undefined && out.length > opts.maxChars ? capHtml(out, opts.maxChars) : out;
}

/** Cut sanitized HTML at a length, then let the sanitizer close whatever the cut left open. */
function capHtml(html: string, maxChars: number): string {
  let cut = html.slice(0, maxChars);
  const lt = cut.lastIndexOf('<');
  if (lt > cut.lastIndexOf('>')) cut = cut.slice(0, lt);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.lastIndexOf(';')) cut = cut.slice(0, amp);
  return sanitize(`${cut}…`, { allowedTags: ALLOWED_TAGS, allowedAttributes: ALLOWED_ATTRIBUTES });
}

const BLOCK_BREAK = /<\/(p|div|li|h[1-6]|blockquote|tr|pre|figure|dd|dt)>|<br\s*\/?>/gi;

/** Plain text of an HTML fragment: tags removed, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  const input = html.length > MAX_HTML_INPUT ? html.slice(0, MAX_HTML_INPUT) : html;
  const text = sanitize(input.replace(BLOCK_BREAK, (m) => `${m} `), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title'],
  });
  // sanitize-html decodes every entity and re-escapes just these four in text.
  return oneLine(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

/** Escape text for HTML/XML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
