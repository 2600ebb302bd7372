/**
 * straitfeed.yaml: schema, defaults and resolution into one ResolvedConfig.
 *
 * Validated once at the edge; nothing downstream re-checks options. A bad config is a
 * CONFIG_INVALID error naming the key and the line (the CLI exits 2).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isCollection, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { StraitfeedError } from './errors.js';
import { isValidSchedule } from './jobs/schedule.js';
import { topicSchema, type TopicConfig } from './topic/schema.js';

const httpUrl = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), { message: 'must be an absolute http(s) URL' });

const language = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag such as en, zh-Hant or zh-TW' });

const siteSchema = z.strictObject({
  title: z.string().trim().min(1, { message: 'must not be empty' }),
  url: httpUrl,
  description: z.string().default(''),
  language: language.default('en'),
  author: z
    .strictObject({
      name: z.string().trim().min(1),
      email: z.email().optional(),
      url: httpUrl.optional(),
    })
    .optional(),
  /** How many of the newest entries the feeds carry; index.html lists all. */
  limit: z.number().int().min(1).max(10000).default(50),
  copyright: z.string().optional(),
  /**
   * Entries dated before this day are rejected unless the entry says `date_intended: true`
   * (W3C's validator warns about dates before 1990: usually a typo).
   */
  earliest_date: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'must be a date YYYY-MM-DD' })
    .default('1990-01-01'),
});

const sourceSchema = z.strictObject({
  name: z.string().trim().min(1),
  url: httpUrl,
  language: language.optional(),
  enabled: z.boolean().default(true),
});

const fetchSchema = z
  .strictObject({
    timeout_seconds: z.number().positive().max(600).default(20),
    max_bytes: z.number().int().min(1024).default(15 * 1024 * 1024),
    max_redirects: z.number().int().min(0).max(20).default(5),
    user_agent: z.string().optional(),
  })
  .default({ timeout_seconds: 20, max_bytes: 15 * 1024 * 1024, max_redirects: 5 });

const watchSchema = z
  .strictObject({
    concurrency: z.number().int().min(1).max(64).default(4),
    per_host: z.number().int().min(1).max(16).default(1),
    backoff_max_hours: z.number().positive().max(24 * 30).default(24),
    near_duplicate_days: z.number().min(0).max(60).default(3),
    excerpt_chars: z.number().int().min(40).max(2000).default(280),
    lock_wait_seconds: z.number().min(0).max(3600).default(0),
  })
  .default({
    concurrency: 4,
    per_host: 1,
    backoff_max_hours: 24,
    near_duplicate_days: 3,
    excerpt_chars: 280,
    lock_wait_seconds: 0,
  });

const serverSchema = z
  .strictObject({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8080),
  })
  .default({ host: '127.0.0.1', port: 8080 });

const pathsSchema = z
  .strictObject({ entries: z.string().default('entries'), output: z.string().default('output') })
  .default({ entries: 'entries', output: 'output' });

export const configSchema = z.strictObject({
  site: siteSchema,
  schedule: z
    .string()
    .trim()
    .refine(isValidSchedule, { message: 'not a valid cron expression (five fields, or six with seconds, e.g. "*/30 * * * *")' })
    .default('*/30 * * * *'),
  sources: z.array(sourceSchema).default([]),
  topic: topicSchema,
  paths: pathsSchema,
  fetch: fetchSchema,
  watch: watchSchema,
  server: serverSchema,
});

export interface ResolvedSource {
  name: string;
  url: string;
  language: string | null;
  enabled: boolean;
}

export interface ResolvedConfig {
  /** Absolute path of straitfeed.yaml. */
  file: string;
  /** The site folder (the folder holding straitfeed.yaml); every path is relative to it. */
  root: string;
  site: {
    title: string;
    /** Public base URL of output/, always ending in '/'. */
    url: string;
    description: string;
    language: string;
    author: { name: string; email: string | null; url: string | null } | null;
    limit: number;
    copyright: string | null;
    earliestDate: string;
  };
  schedule: string;
  sources: ResolvedSource[];
  topic: TopicConfig;
  paths: {
    entries: string;
    output: string;
    /** entries/.straitfeed: watcher state, lock and review queue (hidden, never published). */
    state: string;
    review: string;
  };
  fetch: { timeoutMs: number; maxBytes: number; maxRedirects: number; userAgent: string };
  watch: {
    concurrency: number;
    perHost: number;
    backoffMaxMs: number;
    nearDuplicateDays: number;
    excerptChars: number;
    lockWaitMs: number;
  };
  server: { host: string; port: number };
}

export const VERSION = '0.1.0';

/** Where an issue path points in the YAML source: the key of the deepest node that exists. */
function lineOf(doc: Document, counter: LineCounter, issuePath: readonly PropertyKey[]): number | undefined {
  for (let n = issuePath.length; n >= 1; n--) {
    const keyPath = issuePath.slice(0, n - 1) as (string | number)[];
    const parent = n === 1 ? doc.contents : doc.getIn(keyPath, true);
    if (!isCollection(parent)) continue;
    const last = issuePath[n - 1];
    const items = parent.items as unknown[];
    const hit = (
      typeof last === 'number'
        ? items[last]
        : (items.find((it) => (it as { key?: { value?: unknown } }).key?.value === last) as { key?: unknown } | undefined)?.key
    ) as { range?: [number, number, number] } | undefined;
    if (hit?.range) return counter.linePos(hit.range[0]).line;
  }
  return 1;
}

function keyName(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
}

type Issue = z.core.$ZodIssue;

/**
 * A key that may be written two ways (one demotion or a list) fails as a union with only
 * "Invalid input": report instead the alternative that got furthest into the value, so a
 * misspelt field inside the object is named.
 */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: Issue | null = null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first && (!best || first.path.length > best.path.length)) best = first;
  }
  if (!best || best.path.length === 0) return issue;
  return innermost({ ...best, path: [...issue.path, ...best.path] } as Issue);
}

/** Parse and validate config text. `file` is used in messages and for resolving paths. */
export function resolveConfig(text: string, file: string): ResolvedConfig {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? counter.linePos(yamlError.pos[0]).line;
    throw new StraitfeedError('CONFIG_INVALID', `not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      stage: 'config',
      where: file,
      line,
    });
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = innermost(parsed.error.issues[0]!);
    let issuePath = issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      issuePath = [...issue.path, issue.keys[0]!];
      message = `unknown key (allowed here: ${allowedKeys(issue.path).join(', ')})`;
    }
    throw new StraitfeedError('CONFIG_INVALID', `${keyName(issuePath)}: ${message}`, {
      stage: 'config',
      where: file,
      line: lineOf(doc, counter, issuePath),
      details: { key: keyName(issuePath) },
    });
  }
  const c = parsed.data;
  const root = path.dirname(path.resolve(file));
  const entries = path.resolve(root, c.paths.entries);
  const state = path.join(entries, '.straitfeed');
  const siteUrl = c.site.url.endsWith('/') ? c.site.url : `${c.site.url}/`;
  return {
    file: path.resolve(file),
    root,
    site: {
      title: c.site.title,
      url: siteUrl,
      description: c.site.description,
      language: c.site.language,
      author: c.site.author
        ? { name: c.site.author.name, email: c.site.author.email ?? null, url: c.site.author.url ?? null }
        : null,
      limit: c.site.limit,
      copyright: c.site.copyright ?? null,
      earliestDate: c.site.earliest_date,
    },
    schedule: c.schedule,
    sources: c.sources.map((s) => ({ name: s.name, url: s.url, language: s.language ?? null, enabled: s.enabled })),
    topic: c.topic,
    paths: { entries, output: path.resolve(root, c.paths.output), state, review: path.join(state, 'review') },
    fetch: {
      timeoutMs: Math.round(c.fetch.timeout_seconds * 1000),
      maxBytes: c.fetch.max_bytes,
      maxRedirects: c.fetch.max_redirects,
      userAgent: c.fetch.user_agent ?? `straitfeed/${VERSION} (+${siteUrl})`,
    },
    watch: {
      concurrency: c.watch.concurrency,
      perHost: c.watch.per_host,
      backoffMaxMs: c.watch.backoff_max_hours * 3600_000,
      nearDuplicateDays: c.watch.near_duplicate_days,
      excerptChars: c.watch.excerpt_chars,
      lockWaitMs: c.watch.lock_wait_seconds * 1000,
    },
    server: { host: c.server.host, port: c.server.port },
  };
}

function allowedKeys(p: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const k of p) {
    let s: z.ZodType = schema;
    while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (s instanceof z.ZodObject) schema = (s.shape as Record<string, z.ZodType>)[String(k)] ?? s;
    else if (s instanceof z.ZodArray) schema = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) schema = s.valueType as z.ZodType; // topic.groups.<name>
  }
  let s: z.ZodType = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** Read and resolve a config file. A missing file is CONFIG_NOT_FOUND. */
export async function loadConfig(file: string): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new StraitfeedError('CONFIG_NOT_FOUND', `cannot read config (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      stage: 'config',
      where: file,
      cause: e,
    });
  }
  return resolveConfig(text, file);
}
