import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeSite, type TempSite } from '../helpers/site.js';

const LABELS = path.join(ROOT, 'tests/fixtures/relevance/labelled.jsonl');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'straitfeed-eval-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('straitfeed eval', () => {
  it("prints score.mjs's report for the repository topic and writes predictions", async () => {
    const predictions = path.join(dir, 'predictions.jsonl');
    const r = await runCli(['eval', LABELS, '--predictions', predictions]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const n = (await readFile(LABELS, 'utf8')).trim().split('\n').length;
    expect(lines[0]).toMatch(new RegExp(`^labels: ${n} items \\(core \\d+, related \\d+, off \\d+\\); predictions used: ${n}; missing: 0 \\(as drop\\)$`));
    expect(lines).toContain('confusion (rows = label, columns = decision)');
    expect(lines).toContain('lang         n  core  rel  off  precision  recall_core  recall_any  off_leak');
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) expect(lines.some((l) => l.startsWith(lang.padEnd(9)))).toBe(true);
    expect(lines.at(-1)).toMatch(/^precision=\d\.\d{3} recall_core=\d\.\d{3} recall_any=\d\.\d{3} off_leak=\d\.\d{3}$/);

    const preds = (await readFile(predictions, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id: string; decision: string; score: number });
    expect(preds).toHaveLength(n);
    for (const p of preds) {
      expect(['append', 'review', 'drop']).toContain(p.decision);
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('names the file and line of a bad label, exit 1', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"id": "x", "label": "core", "title": "T"}\n{"id": "y", "label": "unsure", "title": "T"}\n');
    const r = await runCli(['eval', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`straitfeed: eval: ${bad}:2: "label" must be core, related or off (got "unsure")`);
  });

  it('says so when the labels cannot be read, exit 1', async () => {
    const r = await runCli(['eval', path.join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^straitfeed: eval: .*missing\.jsonl: cannot read labels \(ENOENT\)\n$/);
  });

  describe('with an empty topic', () => {
    let site: TempSite;
    beforeAll(async () => {
      site = await makeSite({ topic: {} });
    });
    afterAll(() => site.cleanup());

    it('holds every item for review: nothing appended, nothing missed, every off item leaks', async () => {
      const r = await runCli(['eval', LABELS, '--config', site.config]);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('precision=nan recall_core=0.000 recall_any=1.000 off_leak=1.000');
    });
  });
});
