/**
 * `straitfeed review [list]`, `review approve ID...`, `review reject ID...`: the queue of items
 * the topic held for a human decision. Approving publishes (and rebuilds output/); rejecting
 * leaves a tombstone so the item never comes back.
 */
import path from 'node:path';
import { StraitfeedError } from '../errors.js';
import { approve, queued, reject } from '../jobs/moderate.js';
import type { CommandContext, ExitStatus } from './context.js';

function usage(message: string): StraitfeedError {
  return new StraitfeedError('USAGE', `${message} (usage: straitfeed review [list] | approve ID... | reject ID...)`, { stage: 'usage' });
}

export async function runReview(ctx: CommandContext, action: string | undefined, ids: string[], opts: { json: boolean }): Promise<ExitStatus> {
  const { config, stdout } = ctx;
  const act = action ?? 'list';
  if (act === 'list') {
    if (ids.length) throw usage('`review list` takes no ids');
    const items = await queued(config);
    if (opts.json) {
      const out = items.map((i) => ({
        id: i.id,
        title: i.front.title,
        source: i.front.source,
        score: i.front.score,
        reasons: i.front.reasons,
        link: i.front.link,
        date: i.front.date,
        queued_at: i.queuedAt,
      }));
      stdout.write(`${JSON.stringify(out)}\n`);
      return 0;
    }
    if (!items.length) {
      stdout.write('review queue is empty\n');
      return 0;
    }
    for (const i of items) {
      stdout.write(`${i.id}  ${i.front.score.toFixed(2)}  ${i.front.source}  ${i.front.title}\n`);
      if (i.front.link) stdout.write(`    ${i.front.link}\n`);
      for (const r of i.front.reasons ?? []) stdout.write(`    - ${r}\n`);
    }
    stdout.write(`${items.length} held for review: straitfeed review approve ID... | reject ID...\n`);
    return 0;
  }
  if (act !== 'approve' && act !== 'reject') throw usage(`unknown review action "${act}"`);
  if (!ids.length) throw usage(`\`review ${act}\` needs at least one id`);

  if (act === 'approve') {
    const r = await approve(config, ids);
    if (opts.json) stdout.write(`${JSON.stringify({ approved: r.approved, entries: r.build.entries, changed: r.build.changed.length })}\n`);
    else {
      for (const a of r.approved) stdout.write(`approved ${a.id} → ${path.join(path.relative(config.root, config.paths.entries), a.file)}\n`);
      stdout.write(`output/ rebuilt: ${r.build.entries} entries\n`);
    }
    return 0;
  }
  const rejected = await reject(config, ids);
  if (opts.json) stdout.write(`${JSON.stringify({ rejected: rejected.map((i) => i.id) })}\n`);
  else for (const i of rejected) stdout.write(`rejected ${i.id}: ${i.front.title}\n`);
  return 0;
}
