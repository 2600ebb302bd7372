import type { CommandContext, ExitStatus } from './context.js';

/** PLACEHOLDER (reading work): fetch/read, decode, parse and score SOURCE without touching the site. */
export async function runInspect(_ctx: CommandContext, _source: string, _opts: { json: boolean }): Promise<ExitStatus> {
  throw new Error('inspect: not implemented yet');
}
