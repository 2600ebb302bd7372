/**
 * Relevance speed: items decided per second with the repository's production topic, over a few
 * thousand generated feed items (English, Traditional and Simplified Chinese; a third with an
 * HTML summary), plus the time to compile the topic. Items are generated from a seeded PRNG so
 * every run measures the same work.
 */
import path from 'node:path';
import { loadConfig } from '../config.js';
import { compileTopic, decide, type MatchableItem } from '../pipeline/match.js';
import type { BenchResult } from './main.js';

const ITEMS = 5000;
const ROUNDS = 12;

const EN = {
  who: ['Taiwan', 'the United States', 'AIT', 'Beijing', 'CISA', 'Chinese officials', 'Japan', 'Taipei police', 'the FBI', 'MODA'],
  what: ['cybersecurity', 'ransomware', 'phishing', 'trade', 'semiconductor', 'tourism', 'hackers', 'election', 'cyber defense', 'typhoon'],
  how: ['sign agreement on', 'hold talks about', 'warn about', 'report rising', 'launch joint drill on', 'discuss', 'ban', 'celebrate'],
  tail: [
    'Officials said the plan would take effect next year after review by lawmakers.',
    'The ministry said it had informed partners and would publish details later this month.',
    'Analysts expect further announcements as both sides prepare for the annual meeting.',
    'Prices of consumer electronics rose for the third straight quarter, data showed.',
  ],
};
const ZH = {
  who: ['台灣', '美國', '美國在台協會', '國台辦', '數位發展部', '大陆', '日本', '刑事局', '两岸', '中國'],
  what: ['資安', '网络安全', '勒索軟體', '觀光', '半導體', '駭客', '選舉', '数据安全', '颱風', '農產品'],
  how: ['簽署合作備忘錄', '舉行對話', '發出警告', '舉辦聯合演練', '討論', '禁止', '慶祝', '交流'],
  tail: [
    '官員表示，相關措施將於明年起實施，並持續與各方溝通。',
    '业者指出，今年第三季营收较去年同期成长，市场需求回温。',
    '報告指出，相關單位已完成檢查，未發現異常情形。',
  ],
};

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateItems(n: number, seed = 42): MatchableItem[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const items: MatchableItem[] = [];
  for (let i = 0; i < n; i++) {
    const zh = r() < 0.4;
    const v = zh ? ZH : EN;
    const sep = zh ? '' : ' ';
    const title = [pick(v.who), zh ? '與' : 'and', pick(v.who), pick(v.how), pick(v.what)].join(sep);
    const body = `${pick(v.who)}${sep}${pick(v.what)}${zh ? '。' : '. '}${pick(v.tail)}${sep}${pick(v.tail)}`;
    const summary = r() < 0.33 ? `<p>${body.replace(/^(\S+)/, '<b>$1</b>')} &amp; more</p>` : body;
    items.push({ title, summary, content: null, categories: [] });
  }
  return items;
}

export async function run(): Promise<BenchResult[]> {
  const config = await loadConfig(path.resolve('straitfeed.yaml'));
  const t0 = performance.now();
  const topic = compileTopic(config.topic);
  const compileMs = performance.now() - t0;

  const items = generateItems(ITEMS);
  const counts = { append: 0, review: 0, drop: 0 };
  for (const it of items) counts[decide(it, topic).decision]++; // warm-up (JIT, OpenCC dictionaries)
  // Best of several rounds, timed both by the wall clock and by this process's CPU time: on a
  // shared machine other processes stretch the wall clock, not the CPU time we used.
  let best = 0;
  let bestCpu = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const it of items) decide(it, topic);
    const used = process.cpuUsage(cpu);
    best = Math.max(best, ITEMS / ((performance.now() - start) / 1000));
    bestCpu = Math.max(bestCpu, ITEMS / ((used.user + used.system) / 1e6));
  }
  const plain = items.filter((it) => !it.summary?.includes('<'));
  let plainRate = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    for (const it of plain) decide(it, topic);
    const used = process.cpuUsage(cpu);
    plainRate = Math.max(plainRate, plain.length / ((used.user + used.system) / 1e6));
  }
  return [
    {
      name: 'relevance: items decided per CPU second',
      unit: 'items/s',
      value: bestCpu,
      target: { value: 50_000, higherIsBetter: true },
      note: `${ITEMS} generated items (40% Chinese, 33% HTML summaries), best of ${ROUNDS}; ${counts.append} append / ${counts.review} review / ${counts.drop} drop`,
    },
    { name: 'relevance: items decided per wall-clock second', unit: 'items/s', value: best, note: 'same rounds; lower when the machine is busy' },
    { name: 'relevance: plain-text items per CPU second', unit: 'items/s', value: plainRate, note: `the ${plain.length} items without HTML, best of ${ROUNDS}` },
    { name: 'relevance: topic compile time', unit: 'ms', value: compileMs, note: 'straitfeed.yaml topic, once per config' },
  ];
}
