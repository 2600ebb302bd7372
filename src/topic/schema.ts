/**
 * PLACEHOLDER owned by the relevance work: the zod schema of `topic:` in straitfeed.yaml.
 * The relevance module replaces this with the real concept-group schema.
 */
import { z } from 'zod';

export const topicSchema = z.record(z.string(), z.unknown()).default({});
export type TopicConfig = z.output<typeof topicSchema>;
