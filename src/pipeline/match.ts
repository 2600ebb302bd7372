/**
 * PLACEHOLDER (relevance work): the match stage. A pure function of (item, compiled topic).
 * This stand-in implements a simple rule so that other stages can be built against it.
 */
import type { Decision, SourceItem } from '../model.js';
import type { TopicConfig } from '../topic/schema.js';

export interface CompiledTopic {
  readonly source: TopicConfig;
}

export type MatchableItem = Pick<SourceItem, 'title' | 'summary' | 'content' | 'categories'>;

export function compileTopic(topic: TopicConfig): CompiledTopic {
  return { source: topic };
}

export function decide(item: MatchableItem, _topic: CompiledTopic, _opts: { language?: string | null } = {}): Decision {
  const text = `${item.title ?? ''} ${item.summary ?? ''}`.toLowerCase();
  const taiwan = /taiwan|台灣|台湾|臺灣/.test(text);
  const cyber = /cyber|資安|资安|網路安全|网络安全/.test(text);
  const decision = taiwan && cyber ? 'append' : taiwan || cyber ? 'review' : 'drop';
  return { decision, score: taiwan && cyber ? 1 : taiwan || cyber ? 0.5 : 0, reasons: ['placeholder rule'] };
}
