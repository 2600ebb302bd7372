/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 wire nodes → ParsedFeed. Text constructs honour `type`
 * (text/html/xhtml, or 0.3's MIME types and `mode="base64"`); xml:base is applied on the feed, the
 * entry and the link element (RFC 4287 §2, XML Base), since rss-parser ignores it.
 */
import type { ParsedFeed } from '../../model.js';
import { absoluteUrl, httpOnly, joinBase, normalizeItem, plainText, resolveUrl, type Markup, type RawItem } from './item.js';
import { attr, childText, children, textOf, type XmlNode } from './nodes.js';
import type { XmlFeed } from './xml.js';

const ATOM_03_NS = 'http://purl.org/atom/ns#';

const XHTML_CONSTRUCT = /<((?:atom:)?(?:title|subtitle|summary|content|rights))(\s[^>]*?\btype\s*=\s*["']xhtml["'][^>]*)>([\s\S]*?)<\/\1>/g;

/**
 * Rewrite `type="xhtml"` text constructs as `type="html"` with the markup escaped, before parsing.
 * xml2js keeps child elements and text apart, so `<b>Bold</b> text` would come back out of order;
 * as escaped HTML the markup survives intact and goes through the sanitizer like any HTML.
 */
export function xhtmlAsHtml(text: string): string {
  if (!/type\s*=\s*["']xhtml["']/.test(text)) return text;
  return text.replace(XHTML_CONSTRUCT, (_m, tag: string, attrs: string, inner: string) => {
    const escaped = inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${tag}${attrs.replace(/(\btype\s*=\s*["'])xhtml(["'])/, '$1html$2')}>${escaped}</${tag}>`;
  });
}

/** An Atom text construct: `type` says whether it is HTML; 0.3 may also base64 it. */
function textConstruct(parent: XmlNode, ...names: string[]): Markup | null {
  for (const name of names) {
    const occ = children(parent, name)[0];
    if (occ === undefined || attr(occ, 'src')) continue;
    let value = textOf(occ);
    if (value === null || value.trim() === '') continue;
    const type = (attr(occ, 'type') ?? 'text').toLowerCase();
    if (attr(occ, 'mode')?.toLowerCase() === 'base64') value = Buffer.from(value, 'base64').toString('utf8');
    return { value, html: type.includes('html') };
  }
  return null;
}

interface Link {
  href: string;
  rel: string;
  type: string | null;
  length: string | null;
  base: string | null;
}

function links(parent: XmlNode, base: string | null): Link[] {
  return children(parent, 'link')
    .map((l) => ({
      href: attr(l, 'href') ?? (textOf(l)?.trim() || ''),
      rel: (attr(l, 'rel') ?? 'alternate').toLowerCase(),
      type: attr(l, 'type'),
      length: attr(l, 'length'),
      base: joinBase(base, attr(l, 'xml:base')),
    }))
    .filter((l) => l.href !== '');
}

function alternate(all: Link[]): Link | null {
  const alts = all.filter((l) => l.rel === 'alternate');
  return alts.find((l) => !l.type || /html/i.test(l.type)) ?? alts[0] ?? null;
}

function authors(parent: XmlNode): string[] {
  return children(parent, 'author')
    .map((a) => (typeof a === 'object' && a !== null ? childText(a as XmlNode, 'name', 'email') : textOf(a)))
    .filter((n): n is string => !!n);
}

function rawEntry(entry: XmlNode, base: string | null, feedAuthors: string[]): RawItem {
  const entryBase = joinBase(base, attr(entry, 'xml:base'));
  const all = links(entry, entryBase);
  const alt = alternate(all);
  const published = childText(entry, 'published', 'issued', 'created');
  const updated = childText(entry, 'updated', 'modified');
  const own = authors(entry);
  return {
    guid: childText(entry, 'id'),
    // A link with its own xml:base is resolved here; what stays relative is resolved (or warned) later.
    link: alt ? (resolveUrl(alt.href, alt.base) ?? alt.href) : null,
    title: textConstruct(entry, 'title'),
    summary: textConstruct(entry, 'summary'),
    content: textConstruct(entry, 'content'),
    // Atom 1.0 requires only <updated>; it is the publication date when <published> is missing.
    published: published ?? updated,
    updated,
    authors: own.length ? own : feedAuthors,
    categories: [
      ...children(entry, 'category').map((c) => attr(c, 'label') ?? attr(c, 'term') ?? '').filter((c) => c.trim() !== ''),
      ...children(entry, 'dc:subject').map((c) => textOf(c) ?? ''),
    ],
    enclosures: all.filter((l) => l.rel === 'enclosure').map((l) => ({ url: resolveUrl(l.href, l.base) ?? l.href, type: l.type, length: l.length })),
    base: entryBase,
  };
}

export function adaptAtom(x: XmlFeed, docUrl: string | null, languageHint: string | null): ParsedFeed {
  const warnings: string[] = [];
  const v03 = attr(x.root, 'version') === '0.3' || attr(x.root, 'xmlns') === ATOM_03_NS;
  let base = joinBase(httpOnly(docUrl), attr(x.root, 'xml:base'));
  const feedLinks = links(x.root, base);
  const alt = alternate(feedLinks);
  const home = alt ? absoluteUrl(alt.href, alt.base, warnings, 'feed link') : null;
  if (base === null) base = httpOnly(feedLinks.find((l) => l.rel === 'self')?.href) ?? home;
  const language = attr(x.root, 'xml:lang') ?? languageHint;
  const feedAuthors = authors(x.root);
  return {
    format: 'atom',
    version: v03 ? 'atom 0.3' : 'atom 1.0',
    title: plainText(textConstruct(x.root, 'title')),
    link: home,
    language,
    items: x.items.map((e) => normalizeItem(rawEntry(e, base, feedAuthors), { language: attr(e, 'xml:lang') ?? language })),
    warnings,
  };
}
