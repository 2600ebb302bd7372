/**
 * entries/ → output/. Used by `build`, the watch cycle, `review approve` and `start`.
 * Everything is read, validated and rendered in memory first; only when all of it succeeded is
 * anything written, each file atomically, and a file whose bytes did not change is left alone
 * (its mtime too, so that HTTP caches and rsync see no change).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { loadEntries } from '../entries/read.js';
import { StraitfeedError } from '../errors.js';
import { writeFileAtomic } from '../state/atomic.js';
import { renderSite } from './render.js';

export { renderSite } from './render.js';
export { FILES } from './values.js';

export interface BuildResult {
  /** How many entries were published. */
  entries: number;
  /** Every file written to output/ (absolute paths). */
  files: string[];
  /** The files whose bytes changed. */
  changed: string[];
}

async function currentBytes(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** Read and validate every entry, render every format, then write them atomically. */
export async function buildSite(config: ResolvedConfig): Promise<BuildResult> {
  const entries = await loadEntries(config);
  const rendered = renderSite(entries, config);
  const files: string[] = [];
  const changed: string[] = [];
  for (const [name, text] of rendered) {
    const file = path.join(config.paths.output, name);
    const bytes = Buffer.from(text, 'utf8');
    files.push(file);
    const old = await currentBytes(file);
    if (old && old.equals(bytes)) continue;
    try {
      await writeFileAtomic(file, bytes);
    } catch (e) {
      throw new StraitfeedError('PUBLISH_FAILED', `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
        stage: 'publish', where: file, cause: e,
      });
    }
    changed.push(file);
  }
  return { entries: entries.length, files, changed };
}
