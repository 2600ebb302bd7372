/**
 * The only importer of rss-parser. It parses the XML (xml2js over sax, strict) and detects the
 * format; we then take the xml2js wire nodes it found and adapt them ourselves (rss.ts, atom.ts).
 *
 * Why not rss-parser's own item objects (checked with small experiments on 3.13):
 * - Atom: `new Date(published).toISOString()` throws on one bad date and loses the whole feed;
 *   Atom 0.3 `issued`/`modified` are dropped; categories are not read at all.
 * - xml:base is ignored, so relative links stay relative.
 * - RSS categories and guids come back as raw `{_, $}` objects when they carry attributes.
 * So the `build*` hooks below return the raw channel/feed nodes instead of rss-parser's items.
 * A new Parser per document: xml2js keeps state after an error, which would leak into the next.
 */
import Parser from 'rss-parser';
import type { XmlNode } from './nodes.js';

export type XmlKind = 'rss' | 'rdf' | 'atom';

export interface XmlFeed {
  kind: XmlKind;
  /** The root element (`rss`, `rdf:RDF` or `feed`). */
  root: XmlNode;
  /** The element holding the feed's own fields: `channel` for RSS/RDF, the root for Atom. */
  channel: XmlNode;
  items: XmlNode[];
}

type Hook = (xml: Record<string, unknown>) => XmlFeed;

function node(v: unknown): XmlNode {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : {};
}

function firstNode(v: unknown): XmlNode {
  return node(Array.isArray(v) ? v[0] : v);
}

function nodes(v: unknown): XmlNode[] {
  return Array.isArray(v) ? v.map(node) : [];
}

function newParser(): Parser {
  // defaultRSS: an <rss> without a version attribute is read as RSS 2.0 instead of rejected.
  const parser = new Parser({ defaultRSS: 2, xml2js: { strict: true } });
  const hooks = parser as unknown as Record<string, Hook>;
  const rss: Hook = (xml) => {
    const root = node(xml.rss);
    const channel = firstNode(root.channel);
    return { kind: 'rss', root, channel, items: nodes(channel.item) };
  };
  hooks.buildRSS2 = rss;
  hooks.buildRSS0_9 = rss;
  hooks.buildRSS1 = (xml) => {
    const root = node(xml['rdf:RDF']);
    // RSS 1.0 puts <item> beside <channel>, not inside it.
    return { kind: 'rdf', root, channel: firstNode(root.channel), items: nodes(root.item) };
  };
  hooks.buildAtomFeed = (xml) => {
    const root = node(xml.feed);
    return { kind: 'atom', root, channel: root, items: nodes(root.entry) };
  };
  return parser;
}

/** Parse XML text into the wire nodes of an RSS, RDF or Atom document; rejects on bad XML. */
export async function parseXmlFeed(text: string): Promise<XmlFeed> {
  const result = (await newParser().parseString(text)) as unknown;
  return result as XmlFeed;
}
