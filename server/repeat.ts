/** A day in milliseconds: the period of the server's daily checks. */
export const DAY = 24 * 60 * 60 * 1000;

/**
 * Runs `tick` once after `firstAfterMs`, then every `everyMs`, on timers that do not keep the
 * process alive (the server's daily checks and backups). Returns the stop function.
 */
export function repeatEvery(tick: () => unknown, firstAfterMs: number, everyMs: number): () => void {
  const first = setTimeout(tick, firstAfterMs);
  const every = setInterval(tick, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
