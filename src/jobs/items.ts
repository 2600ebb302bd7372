/**
 * The item half of a cycle for one source: decide → dedupe → append or queue. Runs under the
 * site lock, one source at a time, so two sources carrying one story in the same cycle meet here
 * in a fixed order (the order of `sources:` in the config).
 */
import path from 'node:path';
import type { ResolvedConfig, ResolvedSource } from '../config.js';
import { enqueue } from '../entries/review.js';
import { addAlsoReportedBy, writeNewEntry } from '../entries/write.js';
import type { ParsedFeed } from '../model.js';
import { entryFrontMatter } from '../pipeline/append.js';
import { findNearDuplicate, identities } from '../pipeline/dedupe.js';
import { decide, type CompiledTopic } from '../pipeline/match.js';
import type { WatchState } from '../state/store.js';
import type { Ledger } from './ledger.js';
import type { SourceSummary } from './summary.js';

export interface ItemsContext {
  config: ResolvedConfig;
  state: WatchState;
  ledger: Ledger;
  compiled: CompiledTopic;
  now: Date;
  decideFn?: typeof decide;
}

/** Process the items of one parsed feed; counts go into `summary`. Returns whether entries/ changed. */
export async function processItems(ctx: ItemsContext, source: ResolvedSource, feed: ParsedFeed, summary: SourceSummary): Promise<boolean> {
  const decideFn = ctx.decideFn ?? decide;
  const { ledger, state, config } = ctx;
  const at = ctx.now.toISOString();
  let changed = false;
  // Queue files are not published: recording another outlet on one needs no rebuild.
  const isEntry = (file: string): boolean => path.dirname(file) === config.paths.entries;
  summary.items = feed.items.length;

  for (const item of feed.items) {
    const ids = identities(item, source.url);
    const key = ids[0]!;
    const hit = ids.map((id) => ledger.known.get(id)).find((v) => v !== undefined);
    if (hit) {
      // Known since an earlier cycle: not new. Known since earlier in this cycle (another
      // source appended the same URL, or the feed repeats an item): a duplicate.
      if (hit.cycle) {
        summary.new++;
        summary.duplicates++;
        if (hit.file && hit.source !== source.name && (await addAlsoReportedBy(hit.file, { source: source.name, link: item.link }))) {
          changed ||= isEntry(hit.file);
        }
      }
      continue;
    }
    summary.new++;
    const remember = (file: string | null): void => {
      for (const id of ids) ledger.known.set(id, { file, source: source.name, cycle: true });
    };

    const decision = decideFn(item, ctx.compiled, { language: source.language ?? feed.language });
    if (decision.decision === 'drop') {
      summary.dropped++;
      for (const id of ids) state.seen[id] = { at, as: 'dropped' };
      remember(null);
      continue;
    }

    const front = entryFrontMatter({ item, decision, source, key, fetchedAt: ctx.now, excerptChars: config.watch.excerptChars, earliestDate: config.site.earliestDate });
    const twin = findNearDuplicate({ title: front.title, date: front.date, source: source.name }, ledger.candidates, config.watch.nearDuplicateDays);
    if (twin) {
      summary.duplicates++;
      if (twin.file && (await addAlsoReportedBy(twin.file, { source: source.name, link: item.link }))) changed ||= isEntry(twin.file);
      for (const id of ids) state.seen[id] = { at, as: 'duplicate' };
      remember(twin.file);
      continue;
    }

    if (decision.decision === 'append') {
      const name = await writeNewEntry(config.paths.entries, front, ledger.taken);
      state.appended[key] = name;
      const file = path.join(config.paths.entries, name);
      ledger.candidates.push({ title: front.title, date: front.date, source: source.name, file });
      remember(file);
      summary.appended++;
      changed = true;
    } else {
      const queued = await enqueue(config.paths.review, front, ctx.now);
      ledger.queue.push(queued);
      ledger.candidates.push({ title: front.title, date: front.date, source: source.name, file: queued.file });
      remember(queued.file);
      summary.queued++;
    }
  }
  return changed;
}
