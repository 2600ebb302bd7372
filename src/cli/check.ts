/**
 * `straitfeed check`: one watch cycle. Exit 0 when every source was processed, 1 when some
 * failed (the others were still processed and published) or output/ could not be rebuilt.
 */
import { runCycle } from '../jobs/watch.js';
import type { CommandContext, ExitStatus } from './context.js';
import { progressLine, renderTable } from './report.js';

export async function runCheck(ctx: CommandContext, opts: { json: boolean }): Promise<ExitStatus> {
  const tty = !opts.json && !!ctx.stderr.isTTY;
  const summary = await runCycle(ctx.config, {
    // On a terminal the table says it all; elsewhere (cron, CI, systemd) JSON-lines logs do.
    logger: tty ? undefined : ctx.logger,
    command: 'check',
    onSource: tty ? (s, done, total) => ctx.stderr.write(progressLine(done, total, s)) : undefined,
  });
  if (tty) ctx.stderr.write('\r\u001b[K');
  if (opts.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
  else ctx.stdout.write(renderTable(summary));
  if (!tty) ctx.logger.info({ totals: summary.totals, build: summary.build, ms: summary.ms }, 'cycle finished');
  return summary.ok ? 0 : 1;
}
