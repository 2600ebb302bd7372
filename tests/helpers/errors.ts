/** The StraitfeedError a call throws (sync or async); anything else thrown, or nothing, fails the test. */
import { StraitfeedError } from '../../src/errors.js';

export function errorFrom(fn: () => unknown): StraitfeedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StraitfeedError) return e;
    throw e;
  }
  throw new Error('expected a StraitfeedError, but nothing was thrown');
}

export async function rejectionFrom(fn: () => Promise<unknown>): Promise<StraitfeedError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof StraitfeedError) return e;
    throw e;
  }
  throw new Error('expected a StraitfeedError, but nothing was thrown');
}
