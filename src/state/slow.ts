/**
 * Test hook for the crash-safety tests: when STRAITFEED_TEST_SLOW_WRITES_MS is set, every
 * durable step of the watcher (an entry, a review file, state.json, the rebuild) waits that many
 * milliseconds first, so that a SIGKILL sent at a random moment lands between two writes instead
 * of always after the last one. Unset (the default), it costs nothing.
 */
export async function slowWrites(): Promise<void> {
  const ms = Number(process.env.STRAITFEED_TEST_SLOW_WRITES_MS ?? 0);
  if (Number.isFinite(ms) && ms > 0) await new Promise((r) => setTimeout(r, ms));
}
