/**
 * Labelled items for `straitfeed eval`: JSONL, one object a line, in the format of the shared
 * relevance development set: {id, lang, title, summary, label: core|related|off, ...}.
 * A bad line is one LABELS_INVALID error naming file:line; nothing is half-read.
 */
import type { Verdict } from '../model.js';
import { StraitfeedError } from '../errors.js';

export const LABELS = ['core', 'related', 'off'] as const;
export type Label = (typeof LABELS)[number];
export const VERDICTS: readonly Verdict[] = ['append', 'review', 'drop'];

export interface LabelledItem {
  id: string;
  lang: string;
  title: string | null;
  summary: string | null;
  label: Label;
}

function fail(file: string, line: number, message: string): never {
  throw new StraitfeedError('LABELS_INVALID', message, { stage: 'eval', where: file, line });
}

const optText = (v: unknown): v is string | null | undefined => v === undefined || v === null || typeof v === 'string';

/** Parse labelled JSONL text. `file` names the source in errors. */
export function parseLabels(text: string, file: string): LabelledItem[] {
  const items: LabelledItem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch (e) {
      fail(file, line, `invalid JSON (${(e as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(file, line, 'expected a JSON object');
    const r = row as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.id) fail(file, line, 'missing string "id"');
    if (seen.has(r.id)) fail(file, line, `duplicate id "${r.id}"`);
    if (!LABELS.includes(r.label as Label)) fail(file, line, `"label" must be core, related or off (got ${JSON.stringify(r.label)})`);
    if (!optText(r.title) || !optText(r.summary)) fail(file, line, '"title" and "summary" must be strings');
    if (!r.title && !r.summary) fail(file, line, 'an item needs a title or a summary');
    if (r.lang !== undefined && typeof r.lang !== 'string') fail(file, line, '"lang" must be a string');
    seen.add(r.id);
    items.push({
      id: r.id,
      lang: typeof r.lang === 'string' && r.lang ? r.lang : 'unknown',
      title: r.title ?? null,
      summary: r.summary ?? null,
      label: r.label as Label,
    });
  });
  return items;
}
