/**
 * Reading speed: decode + parse + score of a generated ~10 MB RSS feed (UTF-8 and Big5), in
 * process, and the real `straitfeed inspect --json` on the same file once, as a user would run it.
 * Answers "how long does inspect take on a 10 MB feed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { decodeBody, encodeText } from '../pipeline/decode.js';
import { compileTopic, decide } from '../pipeline/match.js';
import { parseFeed } from '../pipeline/parse/index.js';
import type { BenchResult } from './main.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_BYTES = 10 * 1024 * 1024;

const EN = [
  'Taiwan and U.S. agencies hold a joint cybersecurity exercise on critical infrastructure',
  'Port authority publishes its annual report on shipping volumes',
  'Cross-strait trade figures for the quarter released by the ministry',
  'New training program for incident responders announced in Taipei',
];
const ZH = ['臺美舉行資安聯合演練，強化關鍵基礎設施防護', '港務公司公布年度貨運量報告', '兩岸貿易季度統計出爐', '臺北宣布新的資安事件應變人員培訓計畫'];

/** A feed of about `bytes` bytes: titles, HTML descriptions, guids, dates and categories. */
function generateFeed(bytes: number, chinese: boolean, encoding: string): string {
  const titles = chinese ? ZH : EN;
  const head = `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>bench</title><link>https://bench.example.test/</link><language>${chinese ? 'zh-TW' : 'en'}</language>\n`;
  const parts: string[] = [head];
  let size = head.length * (chinese ? 2 : 1);
  for (let i = 0; size < bytes; i++) {
    const t = titles[i % titles.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const item =
      `<item><title>${t} #${i}</title><link>https://bench.example.test/a/${i}.html</link><guid isPermaLink="false">bench-${i}</guid>` +
      `<pubDate>Tue, ${day} Jan 2024 10:${String(i % 60).padStart(2, '0')}:00 +0800</pubDate><category>news</category>` +
      `<description><![CDATA[<p>${t}. ${t}. <a href="/related/${i}">related</a> <b>${t}</b></p><p>${t}</p>]]></description></item>\n`;
    parts.push(item);
    size += Buffer.byteLength(item) * (chinese ? 0.75 : 1);
  }
  parts.push('</channel></rss>\n');
  return parts.join('');
}

function mib(n: number): number {
  return n / 1024 / 1024;
}

async function measure(name: string, bytes: Buffer, topic: ReturnType<typeof compileTopic>): Promise<BenchResult[]> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const decoded = decodeBody(bytes);
  const t1 = performance.now();
  const feed = await parseFeed(decoded.text, 'https://bench.example.test/feed.xml');
  const t2 = performance.now();
  let kept = 0;
  for (const item of feed.items) if (decide(item, topic, { language: feed.language }).decision !== 'drop') kept++;
  const t3 = performance.now();
  const ms = t3 - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  const split = `decode ${(t1 - t0).toFixed(0)} ms, parse ${(t2 - t1).toFixed(0)} ms, score ${(t3 - t2).toFixed(0)} ms`;
  const note = `${mib(bytes.length).toFixed(1)} MiB, ${feed.items.length} items (${kept} not dropped), ${decoded.encoding}; ${split}`;
  return [
    { name: `parse: decode+parse+score ${name}`, unit: 'ms', value: ms, target: { value: 15_000, higherIsBetter: false }, note },
    { name: `parse: peak RSS during ${name}`, unit: 'MiB', value: mib(Math.max(peak, before)), note: `process peak (rss before: ${mib(before).toFixed(0)} MiB)` },
  ];
}

/** Wall time of the real CLI on a file with the repository's config (inspect never touches the site). */
function timeCli(file: string): BenchResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'inspect', file, '--json', '--config', path.join(ROOT, 'straitfeed.yaml')], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`inspect failed: ${r.stderr.toString().trim()}`);
  return {
    name: 'parse: `straitfeed inspect --json` on the 10 MB UTF-8 feed (CLI wall time)',
    unit: 'ms',
    value: ms,
    target: { value: 30_000, higherIsBetter: false },
    note: 'includes Node start-up, config and topic loading, JSON output',
  };
}

export async function run(): Promise<BenchResult[]> {
  let topicConfig = {};
  try {
    topicConfig = (await loadConfig(path.join(ROOT, 'straitfeed.yaml'))).topic;
  } catch {
    // The repository's topic makes scoring realistic; without it, score against the empty topic.
  }
  const topic = compileTopic(topicConfig as never);
  const utf8 = Buffer.from(generateFeed(TARGET_BYTES, false, 'utf-8'), 'utf8');
  const big5 = encodeText(generateFeed(TARGET_BYTES, true, 'big5'), 'big5');
  const results = [...(await measure('10 MB UTF-8 feed', utf8, topic)), ...(await measure('10 MB Big5 feed', big5, topic))];
  const dir = await mkdtemp(path.join(tmpdir(), 'straitfeed-bench-feed-'));
  try {
    const file = path.join(dir, 'feed.xml');
    await writeFile(file, utf8);
    results.push(timeCli(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
