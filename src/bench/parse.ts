/** PLACEHOLDER (reading work): inspect/parse speed on a 10 MB feed. */
import type { BenchResult } from './main.js';

export async function run(): Promise<BenchResult[]> {
  return [];
}
