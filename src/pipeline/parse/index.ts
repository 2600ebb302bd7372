/**
 * The parse stage: decoded text → ParsedFeed. Detects the format, hands RSS/RDF/Atom to
 * rss-parser (xml.ts) and JSON Feed to json.ts, then adapts the wire shape into SourceItems.
 *
 * Lenient per item, strict per feed: a bad field becomes null plus a warning; only "this is not
 * a feed" (PARSE_NOT_FEED) or XML nothing can read (PARSE_FAILED) fails the source.
 */
import { StraitfeedError } from '../../errors.js';
import type { ParsedFeed } from '../../model.js';
import { adaptAtom, xhtmlAsHtml } from './atom.js';
import { findAlternates, looksLikeHtml } from './html.js';
import { adaptJsonFeed } from './json.js';
import { repairXml } from './repair.js';
import { adaptRss, rawHtmlAsText } from './rss.js';
import { parseXmlFeed, type XmlFeed } from './xml.js';

export type { Alternate } from './html.js';
export { parseFeedDate } from './dates.js';

export interface ParseOptions {
  /** The source's configured language: the date hint when the feed does not name one. */
  languageHint?: string | null | undefined;
  /** What error messages name (a file path); defaults to `baseUrl`. */
  where?: string | undefined;
}

/** The name of the first element, skipping the prolog, comments, PIs and a DOCTYPE. */
export function rootElement(text: string): string | null {
  const m = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*<([A-Za-z_][\w:.-]*)/i.exec(text.slice(0, 64 * 1024));
  return m?.[1] ?? null;
}

function notFeed(message: string, where: string | null, details?: Record<string, unknown>): StraitfeedError {
  return new StraitfeedError('PARSE_NOT_FEED', message, { stage: 'parse', where: where ?? undefined, details });
}

function htmlPage(text: string, baseUrl: string | null, where: string | null): StraitfeedError {
  const alternates = findAlternates(text, baseUrl);
  if (alternates.length === 0) return notFeed('not a feed but an HTML page, and it links to no feed', where, { alternates });
  const list = alternates.map((a) => a.url).join(', ');
  return notFeed(`not a feed but an HTML page; configure its feed instead: ${list}`, where, { alternates });
}

/** sax reports "Line: 3\nColumn: 7" 0-based; the first line of the message is the reason. */
function xmlError(e: unknown, where: string | null): StraitfeedError {
  const msg = e instanceof Error ? e.message : String(e);
  const line = /Line:\s*(\d+)/.exec(msg);
  return new StraitfeedError('PARSE_FAILED', `malformed XML: ${msg.split('\n')[0]}`, {
    stage: 'parse',
    where: where ?? undefined,
    line: line ? Number(line[1]) + 1 : undefined,
    cause: e,
  });
}

async function parseXml(text: string, where: string | null, warnings: string[]): Promise<XmlFeed> {
  try {
    return await parseXmlFeed(text);
  } catch (first) {
    const repaired = repairXml(text);
    if (repaired === text) throw xmlError(first, where);
    try {
      const x = await parseXmlFeed(repaired);
      warnings.push(`XML repaired (HTML entities or bare "&"): ${(first as Error).message.split('\n')[0]}`);
      return x;
    } catch {
      throw xmlError(first, where);
    }
  }
}

/**
 * Parse a feed document. `baseUrl` is the URL it came from (relative links resolve against it);
 * for a local file, pass its path or file: URL and the feed's own links are used as the base.
 */
export async function parseFeed(text: string, baseUrl: string | null, opts: ParseOptions = {}): Promise<ParsedFeed> {
  const hint = opts.languageHint ?? null;
  const where = opts.where ?? baseUrl;
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') throw notFeed('not a feed: the body is empty', where);
  if (start.startsWith('{') || start.startsWith('[')) return adaptJsonFeed(start, baseUrl, hint, where);
  if (looksLikeHtml(start)) throw htmlPage(start, baseUrl, where);
  const root = rootElement(start);
  if (root === null) throw notFeed('not a feed: neither XML nor JSON', where);
  const local = root.slice(root.indexOf(':') + 1);
  if (root.toLowerCase() === 'html') throw htmlPage(start, baseUrl, where);
  if (root !== 'rss' && root !== 'feed' && local !== 'RDF') throw notFeed(`not a feed: the root element is <${root}>`, where);

  const warnings: string[] = [];
  const x = await parseXml(root === 'feed' ? xhtmlAsHtml(start) : rawHtmlAsText(start), where, warnings);
  const feed = x.kind === 'atom' ? adaptAtom(x, baseUrl, hint) : adaptRss(x, baseUrl, hint);
  feed.warnings.unshift(...warnings);
  return feed;
}
