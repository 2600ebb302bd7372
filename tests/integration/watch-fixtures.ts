/**
 * Hand-written source feeds for the watcher's end-to-end tests (text written for these tests,
 * not copied from any article), and handlers that behave like polite feed servers.
 */
import type { Handler } from '../helpers/server.js';

export interface FeedItem {
  guid?: string;
  link: string;
  title: string;
  description: string;
  pubDate?: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function rss(title: string, items: FeedItem[]): string {
  const body = items
    .map(
      (i) => `  <item>
    <title>${esc(i.title)}</title>
    <link>${esc(i.link)}</link>
    ${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
    <description>${esc(i.description)}</description>
    <pubDate>${i.pubDate ?? 'Mon, 16 Nov 2026 08:00:00 GMT'}</pubDate>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>${esc(title)}</title>
  <link>https://news.example/</link>
  <description>fixture</description>
${body}
</channel></rss>
`;
}

/** Serves `body` with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
export function politeFeed(body: string | (() => string), etag = '"v1"'): Handler & { hits: { status: number }[] } {
  const hits: { status: number }[] = [];
  const h = ((req, res) => {
    const text = typeof body === 'function' ? body() : body;
    const tag = typeof body === 'function' ? `"${Buffer.from(text).length}"` : etag;
    if (req.headers['if-none-match'] === tag) {
      hits.push({ status: 304 });
      res.writeHead(304, { etag: tag }).end();
      return;
    }
    hits.push({ status: 200 });
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: tag, 'last-modified': 'Mon, 16 Nov 2026 08:00:00 GMT' })
      .end(text);
  }) as Handler & { hits: { status: number }[] };
  h.hits = hits;
  return h;
}

/** Never answers (the fetch timeout must give up on it). */
export const hangs: Handler = () => new Promise<void>(() => {});

/** Clearly on-topic, clearly off-topic and borderline items. */
export const ON_TOPIC_1: FeedItem = {
  guid: 'alpha-1',
  link: 'https://alpha.example/news/us-taiwan-cyber-drill?utm_source=rss',
  title: 'United States and Taiwan hold joint cybersecurity drill against ransomware',
  description: 'Taiwan and United States cyber security teams ran a joint cyber defense exercise on hacking threats to power grids.',
};
export const ON_TOPIC_2: FeedItem = {
  guid: 'alpha-2',
  link: 'https://alpha.example/news/taiwan-cisa-cyber-agreement',
  title: 'Taiwan and US sign cybersecurity cooperation memorandum on critical infrastructure',
  description: 'The Taiwan cyber security agency and the American CISA agreed to share cyber threat intelligence about hackers.',
};
export const BORDERLINE: FeedItem = {
  guid: 'alpha-3',
  link: 'https://alpha.example/news/taiwan-trade-fair',
  title: 'Taiwan trade fair opens in Taipei',
  description: 'Exhibitors from Taiwan show machine tools and bicycles at the annual fair.',
};
export const OFF_TOPIC: FeedItem = {
  guid: 'alpha-4',
  link: 'https://alpha.example/news/football',
  title: 'Local football club wins the regional cup',
  description: 'The team scored twice in the second half of the final match.',
};
/** Another outlet's copy of ON_TOPIC_1: different URL and guid, near-identical title. */
export const ON_TOPIC_1_ELSEWHERE: FeedItem = {
  guid: 'https://beta.example/2026/11/16/drill',
  link: 'https://beta.example/2026/11/16/drill',
  title: 'US and Taiwan hold joint cybersecurity drill against ransomware - Beta News',
  description: 'Cyber defense teams from Taiwan and the United States trained together against hacking of power grids.',
};
export const OFF_TOPIC_2: FeedItem = {
  guid: 'https://beta.example/2026/11/16/weather',
  link: 'https://beta.example/2026/11/16/weather',
  title: 'Cold front brings rain to the north this weekend',
  description: 'Forecasters expect temperatures to drop sharply on Saturday.',
};
