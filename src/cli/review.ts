import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (watch-cycle work): list / approve ID / reject ID. */
export async function runReview(
  _ctx: CommandContext,
  _action: string | undefined,
  _ids: string[],
  _opts: { json: boolean },
): Promise<ExitStatus> {
  throw new Error('review: not implemented yet');
}
