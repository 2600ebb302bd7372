/** Temporary straitfeed sites for tests: a folder with straitfeed.yaml and entries/. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export interface TempSite {
  dir: string;
  config: string;
  entries: string;
  output: string;
  /** Write entries/<name> with the given text. */
  writeEntry(name: string, text: string): Promise<string>;
  cleanup(): Promise<void>;
}

export const BASE_CONFIG = {
  site: {
    title: 'Test Site',
    url: 'https://example.org/feeds/',
    description: 'A test site',
    language: 'en',
    author: { name: 'Test Editor' },
  },
  schedule: '*/30 * * * *',
  sources: [] as unknown[],
  topic: {},
};

/** Create a site in a new temporary folder. `config` is merged over BASE_CONFIG at the top level. */
export async function makeSite(config: Record<string, unknown> = {}): Promise<TempSite> {
  const dir = await mkdtemp(path.join(tmpdir(), 'straitfeed-test-'));
  const entries = path.join(dir, 'entries');
  await mkdir(entries, { recursive: true });
  const file = path.join(dir, 'straitfeed.yaml');
  await writeFile(file, stringify({ ...BASE_CONFIG, ...config }));
  return {
    dir,
    config: file,
    entries,
    output: path.join(dir, 'output'),
    async writeEntry(name, text) {
      const p = path.join(entries, name);
      await writeFile(p, text);
      return p;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Front matter + body as an entry file's text. */
export function entryText(front: Record<string, unknown>, body = 'Body text.'): string {
  return `---\n${stringify(front)}---\n${body}\n`;
}
