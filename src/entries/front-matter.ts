/**
 * Split an entry file into YAML front matter and a Markdown body, and parse the front matter
 * with the `yaml` package, keeping the line of every top-level key so that a validation error
 * can name `entries/FILE.md:LINE` of the key that is wrong.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { StraitfeedError } from '../errors.js';

export interface FrontMatter {
  /** Every top-level key as plain JS values (unknown keys included). */
  data: Record<string, unknown>;
  /** 1-based line in the file of each top-level key. */
  lines: Map<string, number>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

// The opening and closing fences must be lines of exactly three dashes (trailing spaces allowed),
// as Jekyll and Hugo read them.
const FENCE = /^---[ \t]*$/;

function invalid(message: string, file: string, line: number): StraitfeedError {
  return new StraitfeedError('ENTRY_INVALID', message, { stage: 'entry', where: file, line });
}

/** Parse `text` (the whole file). `file` is the site-relative path used in messages. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  // A BOM is invisible in editors; CRLF files come from Windows editors. Neither is an error.
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw invalid('no front matter: the file must start with a line "---"', file, 1);
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) throw invalid('front matter is not closed by a line "---"', file, 1);

  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  // Front matter starts on line 2 of the file: every YAML line number is shifted by one.
  const offset = 1;
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = counter.linePos(err.pos[0]).line + offset;
    throw invalid(`front matter is not valid YAML: ${err.message.split('\n')[0]}`, file, line);
  }
  const keyLines = new Map<string, number>();
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw invalid('front matter must be a mapping of keys (title: ..., date: ...)', file, 2);
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      keyLines.set(key, range ? counter.linePos(range[0]).line + offset : 2);
    }
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw invalid(`front matter cannot be read: ${(e as Error).message}`, file, 2);
  }
  return {
    data: data as Record<string, unknown>,
    lines: keyLines,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
