/**
 * RSS 0.91/0.92/2.0 and RSS 1.0 (RDF) wire nodes → ParsedFeed. RSS text fields are HTML in
 * practice (entity-encoded or CDATA), so titles go through htmlToText and descriptions through
 * the sanitizer.
 */
import type { ParsedFeed } from '../../model.js';
import { htmlToText } from '../../text/sanitize.js';
import { absoluteUrl, httpOnly, joinBase, normalizeItem, type Markup, type RawItem } from './item.js';
import { attr, childText, childTexts, children, type XmlNode } from './nodes.js';
import type { XmlFeed } from './xml.js';

// An HTML-carrying element whose content starts (after text) with a child element, not CDATA.
const HAS_CHILD = /<(description|content:encoded)(?:\s[^>]*)?>[^<]*<(?![!/])/;
const MARKUP_ELEMENT = /<(description|content:encoded)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;

/**
 * Some feeds put raw (unescaped) HTML inside <description>. xml2js would split its text from its
 * child elements and lose their order, so before parsing such content is escaped back into the
 * HTML string it was meant to be. Elements holding CDATA or plain text are left untouched.
 */
export function rawHtmlAsText(text: string): string {
  if (!HAS_CHILD.test(text)) return text;
  return text.replace(MARKUP_ELEMENT, (whole, tag: string, attrs: string | undefined, inner: string) => {
    if (!/<(?![!/])/.test(inner) || inner.includes('<![CDATA[')) return whole;
    return `<${tag}${attrs ?? ''}>${inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${tag}>`;
  });
}

function html(v: string | null): Markup | null {
  return v === null ? null : { value: v, html: true };
}

function looksLikeUrl(s: string | null): boolean {
  return !!s && /^https?:\/\//i.test(s.trim());
}

function rawItem(item: XmlNode, base: string | null, rdf: boolean): RawItem {
  const itemBase = joinBase(base, attr(item, 'xml:base'));
  const guidOcc = children(item, 'guid')[0];
  const guid = childText(item, 'guid') ?? (rdf ? attr(item, 'rdf:about') : null);
  // RSS 2.0: isPermaLink defaults to true, so a URL-shaped guid is the link when <link> is missing.
  const permalink = guidOcc !== undefined && attr(guidOcc, 'isPermaLink')?.toLowerCase() !== 'false' && looksLikeUrl(guid) ? guid : null;
  const atomLink = children(item, 'atom:link').map((l) => attr(l, 'href')).find((h) => h) ?? null;
  return {
    guid,
    link: childText(item, 'link') ?? permalink ?? atomLink ?? (rdf ? attr(item, 'rdf:about') : null),
    title: html(childText(item, 'title', 'dc:title')),
    summary: html(childText(item, 'description', 'dc:description')),
    content: html(childText(item, 'content:encoded')),
    published: childText(item, 'pubDate', 'dc:date', 'dcterms:issued'),
    updated: childText(item, 'atom:updated', 'dcterms:modified'),
    authors: childTexts(item, 'author', 'dc:creator'),
    categories: childTexts(item, 'category', 'dc:subject'),
    enclosures: children(item, 'enclosure')
      .map((e) => ({ url: attr(e, 'url') ?? '', type: attr(e, 'type'), length: attr(e, 'length') }))
      .filter((e) => e.url !== ''),
    base: itemBase,
    language: childText(item, 'dc:language'),
  };
}

export function adaptRss(x: XmlFeed, docUrl: string | null, languageHint: string | null): ParsedFeed {
  const rdf = x.kind === 'rdf';
  const warnings: string[] = [];
  // xml:base may sit on <rss> and on <channel>; each is relative to the one above.
  let base = joinBase(joinBase(httpOnly(docUrl), attr(x.root, 'xml:base')), attr(x.channel, 'xml:base'));
  const home = absoluteUrl(childText(x.channel, 'link'), base, warnings, 'channel link');
  const self = children(x.channel, 'atom:link').find((l) => attr(l, 'rel') === 'self');
  // A local file has no URL to resolve against: the feed's own self/home link is the next best base.
  if (base === null) base = httpOnly(attr(self, 'href')) ?? home;
  const language = childText(x.channel, 'language', 'dc:language') ?? languageHint;
  const version = rdf ? '1.0' : (attr(x.root, 'version')?.trim() || '2.0');
  const title = childText(x.channel, 'title', 'dc:title');
  return {
    format: rdf ? 'rdf' : 'rss',
    version: `rss ${version}`,
    title: title === null ? null : htmlToText(title) || null,
    link: home,
    language,
    items: x.items.map((item) => normalizeItem(rawItem(item, base, rdf), { language })),
    warnings,
  };
}
