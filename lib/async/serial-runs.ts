/**
 * Wraps `run` so that runs never overlap and a call that arrives while a run is waiting to start shares
 * it: the promise a call gets settles with a run that started after the call (so it sees the caller's
 * changes). A failed run does not stop the next.
 */
export function serialRuns<T>(run: () => Promise<T>): () => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | null = null;
  return () => {
    if (waiting) return waiting;
    const next = tail
      .catch(() => undefined)
      .then(() => {
        waiting = null;
        return run();
      });
    waiting = next;
    tail = next;
    return next;
  };
}
