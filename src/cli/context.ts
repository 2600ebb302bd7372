import type { ResolvedConfig } from '../config.js';
import type { Logger } from '../log.js';

/** What every command receives from main.ts: the resolved config and where to write. */
export interface CommandContext {
  config: ResolvedConfig;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  logger: Logger;
}

/** A command returns its exit status; it never calls process.exit itself. */
export type ExitStatus = number;
