/**
 * The one error type of straitfeed. Every stage throws a StraitfeedError with a stable `code`;
 * only the CLI turns it into a message and an exit status.
 *
 * The message starts with the stage (`config:`, `entry:`, `fetch:` ...) and names the file,
 * line or source, so that one line on stderr is enough to act on.
 */
export type ErrorCode =
  // configuration (exit 2)
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  // entries and publishing (exit 1)
  | 'ENTRY_INVALID'
  | 'ENTRY_DUPLICATE_ID'
  | 'PUBLISH_FAILED'
  // reading a source
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_REDIRECTS'
  | 'FETCH_BAD_REDIRECT'
  | 'FETCH_HTTP'
  | 'FETCH_NETWORK'
  | 'FETCH_BAD_URL'
  | 'FILE_READ'
  | 'DECODE_FAILED'
  | 'PARSE_NOT_FEED'
  | 'PARSE_FAILED'
  // topic and relevance
  | 'TOPIC_INVALID'
  | 'LABELS_INVALID'
  // watcher state, locks, review queue
  | 'STATE_CORRUPT'
  | 'LOCK_HELD'
  | 'REVIEW_NOT_FOUND'
  // command line
  | 'USAGE';

export type Stage =
  | 'config'
  | 'entry'
  | 'publish'
  | 'fetch'
  | 'decode'
  | 'parse'
  | 'topic'
  | 'eval'
  | 'state'
  | 'review'
  | 'usage'
  | 'serve';

export interface ErrorInit {
  stage: Stage;
  /** A file path, URL or source name the error is about. */
  where?: string | undefined;
  /** 1-based line in `where`, when known. */
  line?: number | undefined;
  cause?: unknown;
  /** Structured extra facts (HTTP status, Retry-After seconds, alternates ...). */
  details?: Record<string, unknown> | undefined;
}

export class StraitfeedError extends Error {
  override readonly name = 'StraitfeedError';
  readonly code: ErrorCode;
  readonly stage: Stage;
  readonly where: string | undefined;
  readonly line: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, init: ErrorInit) {
    const place = init.where ? `${init.where}${init.line ? `:${init.line}` : ''}: ` : '';
    super(`${init.stage}: ${place}${message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.stage = init.stage;
    this.where = init.where;
    this.line = init.line;
    this.details = init.details ?? {};
  }
}

export function isStraitfeedError(e: unknown): e is StraitfeedError {
  return e instanceof StraitfeedError;
}

/** Exit status the CLI uses for an error of this code (INTERFACE.md: 2 = config, 1 = the rest). */
export function exitCodeFor(code: ErrorCode): number {
  return code === 'CONFIG_NOT_FOUND' || code === 'CONFIG_INVALID' || code === 'TOPIC_INVALID' || code === 'USAGE'
    ? 2
    : 1;
}

/** A one-line description of any thrown value, for logs and reports. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
}
