// Sum vitest JSON reports into the closing line CI reads: "N passed, N failed".
// A missing report (the runner crashed before writing it) counts as one failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.log(`ci: no test report at ${file}`);
    failed += 1;
    continue;
  }
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A file that failed to load fails no single test: count it once.
  if ((r.numFailedTests ?? 0) === 0) failed += r.numFailedTestSuites ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if ((r.numTotalTests ?? 0) === 0) {
    console.log(`ci: ${file} ran no test`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
