/**
 * The match stage: a pure function of (item, compiled topic), with no I/O. The topic is
 * compiled once per config (src/topic/compile.ts); each item is normalized (HTML, NFKC,
 * Traditional/Simplified, case), scanned and scored with reasons (src/topic/score.ts).
 */
import type { Decision, SourceItem } from '../model.js';
import { compileTopicData, type CompiledTopicData } from '../topic/compile.js';
import { normalizeText } from '../topic/normalize.js';
import type { TopicConfig } from '../topic/schema.js';
import { scoreFields } from '../topic/score.js';

export interface CompiledTopic extends CompiledTopicData {
  readonly source: TopicConfig;
}

export type MatchableItem = Pick<SourceItem, 'title' | 'summary' | 'content' | 'categories'>;

/** Feeds that carry whole articles in content: the lead is what a summary would say. */
const BODY_CHARS = 4000;

export function compileTopic(topic: TopicConfig): CompiledTopic {
  return { ...compileTopicData(topic), source: topic };
}

/**
 * Decide one item. The summary (else the start of the content) and the categories count as
 * the body; the title counts more. `language` is accepted for callers that know it, but not
 * needed: scripts are told apart per character.
 */
export function decide(item: MatchableItem, topic: CompiledTopic, _opts: { language?: string | null } = {}): Decision {
  const body = item.summary || (item.content ? item.content.slice(0, BODY_CHARS) : '');
  const cats = item.categories.length ? ` ; ${item.categories.join(' ; ')}` : '';
  return scoreFields(topic, { title: normalizeText(item.title), summary: normalizeText(body + cats) });
}
