/**
 * Traditional → Simplified folding for comparing titles across outlets (臺灣/台湾 are one word
 * here). Reuses the topic module's character-level OpenCC fold, so matching and dedupe agree on
 * what counts as the same text and opencc-js keeps a single importer.
 */
export { foldScript as foldChinese } from '../topic/normalize.js';
