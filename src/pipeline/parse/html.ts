/**
 * When a source URL answers with an HTML page instead of a feed, find the feeds it advertises
 * (`<link rel="alternate" type="application/rss+xml" href="...">`, the RSS autodiscovery
 * convention) so the error can say which URL to configure instead.
 */

export interface Alternate {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/json',
]);

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** True when the text is an HTML page rather than XML or JSON. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head) || /^\s*(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head);
}

/** Feed URLs an HTML page advertises, absolute (resolved against <base href> and the page URL). */
export function findAlternates(html: string, pageUrl: string | null): Alternate[] {
  const head = html.slice(0, 512 * 1024);
  const baseTag = /<base\s[^>]*>/i.exec(head);
  let base = pageUrl;
  const baseHref = baseTag ? attributes(baseTag[0]).href : undefined;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl ?? undefined).href;
    } catch {
      // keep the page URL
    }
  }
  const seen = new Set<string>();
  const out: Alternate[] = [];
  for (const m of head.matchAll(/<link\s[^>]*>/gi)) {
    const a = attributes(m[0]);
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
    const type = (a.type ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !a.href) continue;
    let url: string;
    try {
      url = new URL(a.href.trim(), base ?? undefined).href;
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ url, type, title: a.title?.trim() || null });
  }
  return out;
}
