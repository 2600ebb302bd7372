/** PLACEHOLDER (relevance work): items scored per second. */
import type { BenchResult } from './main.js';

export async function run(): Promise<BenchResult[]> {
  return [];
}
