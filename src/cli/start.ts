import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (watch-cycle work): build, serve output/, run check on schedule. */
export async function runStart(
  _ctx: CommandContext,
  _opts: { host: string | undefined; port: number | undefined; watch: boolean },
): Promise<ExitStatus> {
  throw new Error('start: not implemented yet');
}
