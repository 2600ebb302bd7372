import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (relevance work): score labelled items, print score.mjs's metrics. */
export async function runEval(_ctx: CommandContext, _labels: string, _opts: { predictions: string | undefined }): Promise<ExitStatus> {
  throw new Error('eval: not implemented yet');
}
