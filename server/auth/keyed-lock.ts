/**
 * Runs async work one at a time per key, in this process. Sign-in attempts for the same username
 * (and from the same address) are serialised, so a burst of parallel guesses cannot all slip past
 * the failure counter before the first failure is recorded.
 */
const tails = new Map<string, Promise<unknown>>();

async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/** Holds every key's lock (taken in the given order) while fn runs. */
export function withKeyLocks<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
  const [first, ...rest] = keys;
  if (first === undefined) return fn();
  return withKeyLock(first, () => withKeyLocks(rest, fn));
}
