import path from 'node:path';
import { buildSite } from '../publish/index.js';
import type { CommandContext, ExitStatus } from './context.js';

/**
 * `straitfeed build`: entries/ → output/. An invalid entry is a StraitfeedError (ENTRY_*) that
 * main.ts prints as one line naming file:line and turns into exit status 1; output/ is then
 * untouched, because buildSite writes nothing until everything has rendered.
 */
export async function runBuild(ctx: CommandContext): Promise<ExitStatus> {
  const r = await buildSite(ctx.config);
  const out = `${path.relative(ctx.config.root, ctx.config.paths.output) || '.'}/`;
  const n = r.changed.length;
  ctx.stdout.write(
    `built ${r.entries} ${r.entries === 1 ? 'entry' : 'entries'} → ${out} (${n} ${n === 1 ? 'file' : 'files'} changed)\n`,
  );
  return 0;
}
