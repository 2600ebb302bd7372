/**
 * PLACEHOLDER (publisher work): entries/ → output/. Used by `build`, the watch cycle, `review
 * approve` and `start`.
 */
import type { ResolvedConfig } from '../config.js';

export interface BuildResult {
  /** How many entries were published. */
  entries: number;
  /** Every file written to output/ (absolute paths). */
  files: string[];
  /** The files whose bytes changed. */
  changed: string[];
}

/** Read and validate every entry, render every format, then write them atomically. */
export async function buildSite(_config: ResolvedConfig): Promise<BuildResult> {
  throw new Error('buildSite: not implemented yet');
}
