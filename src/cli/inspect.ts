/**
 * `straitfeed inspect SOURCE [--json]`: read a URL or a local file, decode, parse and score it,
 * without touching the site. Exit 0 when parsed, 1 when it could not be fetched or parsed (one
 * line on stderr), 2 for a bad config (raised before we get here).
 */
import { isStraitfeedError } from '../errors.js';
import type { Decision, ParsedFeed, SourceItem } from '../model.js';
import { compileTopic, decide } from '../pipeline/match.js';
import { readSource } from '../pipeline/read.js';
import { oneLine, truncate } from '../text/clean.js';
import type { CommandContext, ExitStatus } from './context.js';

type Scored = SourceItem & Decision;

/** The INTERFACE.md shape, extended with version, language, link, content, authors, categories and warnings. */
function toJson(url: string, encoding: string | null, feed: ParsedFeed, items: Scored[]): unknown {
  return {
    source: { url, format: feed.format, title: feed.title, encoding, version: feed.version, language: feed.language, link: feed.link },
    items: items.map((it) => ({
      guid: it.guid,
      link: it.link,
      title: it.title,
      published: it.published,
      summary: it.summary,
      decision: it.decision,
      score: it.score,
      reasons: it.reasons,
      content: it.content,
      updated: it.updated,
      authors: it.authors,
      categories: it.categories,
      warnings: it.warnings,
    })),
    warnings: feed.warnings,
  };
}

function pad(s: string, n: number): string {
  const w = Array.from(s).reduce((sum, ch) => sum + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
}

function toTable(url: string, encoding: string | null, feed: ParsedFeed, items: Scored[]): string {
  const lines: string[] = [];
  lines.push(`${feed.title ?? '(untitled feed)'}`);
  lines.push(`  ${url}`);
  lines.push(`  ${feed.version}, ${encoding ?? 'unknown encoding'}, ${items.length} item(s)${feed.language ? `, language ${feed.language}` : ''}`);
  lines.push('');
  lines.push(`${pad('DECISION', 9)}${pad('SCORE', 7)}${pad('DATE', 12)}TITLE`);
  for (const it of items) {
    const title = truncate(oneLine(it.title ?? '(no title)'), 90);
    lines.push(`${pad(it.decision, 9)}${pad(it.score.toFixed(2), 7)}${pad(it.published?.slice(0, 10) ?? '-', 12)}${title}`);
    if (it.link) lines.push(`${' '.repeat(28)}${it.link}`);
    if (it.reasons.length) lines.push(`${' '.repeat(28)}reasons: ${it.reasons.join('; ')}`);
    for (const w of it.warnings) lines.push(`${' '.repeat(28)}warning: ${w}`);
  }
  if (feed.warnings.length) {
    lines.push('');
    for (const w of feed.warnings) lines.push(`warning: ${w}`);
  }
  return `${lines.join('\n')}\n`;
}

/** fetch/read, decode, parse and score SOURCE without touching the site. */
export async function runInspect(ctx: CommandContext, source: string, opts: { json: boolean }): Promise<ExitStatus> {
  let result;
  try {
    result = await readSource(source, { fetch: ctx.config.fetch });
  } catch (e) {
    if (!isStraitfeedError(e)) throw e;
    ctx.stderr.write(`straitfeed: ${e.message.split('\n')[0]}\n`);
    return 1;
  }
  const feed = result.feed;
  if (!feed) {
    // inspect sends no validators, so only a misbehaving server answers 304; say so rather than print nothing.
    ctx.stderr.write(`straitfeed: fetch: ${result.url}: HTTP 304 Not Modified to a request without validators\n`);
    return 1;
  }
  const topic = compileTopic(ctx.config.topic);
  const items: Scored[] = feed.items.map((it) => {
    const d = decide(it, topic, { language: feed.language });
    return { ...it, decision: d.decision, score: d.score, reasons: d.reasons };
  });
  if (opts.json) ctx.stdout.write(`${JSON.stringify(toJson(result.url, result.encoding, feed, items), null, 2)}\n`);
  else ctx.stdout.write(toTable(result.url, result.encoding, feed, items));
  return 0;
}
