import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (watch-cycle work): one watch cycle. */
export async function runCheck(_ctx: CommandContext, _opts: { json: boolean }): Promise<ExitStatus> {
  throw new Error('check: not implemented yet');
}
