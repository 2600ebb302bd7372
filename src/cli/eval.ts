/**
 * `straitfeed eval LABELS.jsonl [--predictions FILE]`: decide every labelled item with the
 * config's topic and print the metrics of the shared score.mjs (same layout, same last line).
 * With --predictions, also write {id, decision, score} lines that score.mjs accepts.
 */
import { readFile } from 'node:fs/promises';
import { StraitfeedError } from '../errors.js';
import { compileTopic, decide } from '../pipeline/match.js';
import { writeFileAtomic } from '../state/atomic.js';
import { parseLabels } from '../topic/labels.js';
import { formatReport } from '../topic/metrics.js';
import type { CommandContext, ExitStatus } from './context.js';

export async function runEval(ctx: CommandContext, labelsPath: string, opts: { predictions: string | undefined }): Promise<ExitStatus> {
  let text: string;
  try {
    text = await readFile(labelsPath, 'utf8');
  } catch (e) {
    throw new StraitfeedError('FILE_READ', `cannot read labels (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      stage: 'eval',
      where: labelsPath,
      cause: e,
    });
  }
  const items = parseLabels(text, labelsPath);
  const topic = compileTopic(ctx.config.topic);
  const rows = items.map((it) => {
    const d = decide({ title: it.title, summary: it.summary, content: null, categories: [] }, topic, { language: it.lang });
    return { id: it.id, lang: it.lang, label: it.label, decision: d.decision, score: d.score };
  });
  if (opts.predictions) {
    const lines = rows.map((r) => JSON.stringify({ id: r.id, decision: r.decision, score: r.score }));
    await writeFileAtomic(opts.predictions, lines.join('\n') + '\n');
  }
  ctx.stdout.write(formatReport(rows).join('\n') + '\n');
  return 0;
}
