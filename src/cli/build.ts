import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (publisher work): entries/ → output/. */
export async function runBuild(_ctx: CommandContext): Promise<ExitStatus> {
  throw new Error('build: not implemented yet');
}
