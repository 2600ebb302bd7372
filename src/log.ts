/**
 * The only importer of pino. JSON-lines logs to stderr, written synchronously so that nothing
 * is lost when the process exits right after a line.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { level?: string; destination?: number } = {}): Logger {
  return pino(
    { level: opts.level ?? process.env.STRAITFEED_LOG_LEVEL ?? 'info', base: { app: 'straitfeed' } },
    pino.destination({ dest: opts.destination ?? 2, sync: true }),
  );
}
