/** PLACEHOLDER (publisher work): read and validate entries/. */
import type { ResolvedConfig } from '../config.js';
import type { Entry } from '../model.js';

/** Every entry of the site, validated (ENTRY_INVALID names the file and line), newest first. */
export async function loadEntries(_config: ResolvedConfig): Promise<Entry[]> {
  throw new Error('loadEntries: not implemented yet');
}
