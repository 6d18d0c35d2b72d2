import { performance } from "node:perf_hooks";

/**
 * How long database work may run before the event loop gets a turn. PGlite runs every query on
 * the event loop's thread and resolves it without a macrotask, so without this one turn of the loop
 * serves every request that was waiting (50 clients: 200–600 ms a turn), and Node (libuv ≥ 1.45)
 * accepts only one new connection a turn: the 50th new connection waited 9 s (decision 013).
 */
export const SLICE_MS = 10;

export type Turns = {
  /** Runs `task` when no other task runs, in arrival order, after the loop's turn if the slice is spent. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
};

/** One task at a time, first come first served, and the event loop between slices of `sliceMs`. */
export function createTurns(sliceMs = SLICE_MS): Turns {
  const waiting: (() => void)[] = [];
  let running = false;
  let yielding = false;
  let sliceStart = performance.now();

  const spent = () => performance.now() - sliceStart >= sliceMs;
  const next = () => {
    const start = waiting.shift();
    if (!start) return;
    running = true;
    start();
  };
  // setImmediate runs after the poll phase: accepts, reads and timers come before the next slice.
  const yieldThenNext = () => {
    if (yielding) return;
    yielding = true;
    setImmediate(() => {
      yielding = false;
      sliceStart = performance.now();
      if (!running) next();
    });
  };
  const acquire = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (running || yielding) return;
      if (spent()) yieldThenNext();
      else next();
    });
  const release = () => {
    running = false;
    if (waiting.length === 0) return;
    if (spent()) yieldThenNext();
    else next();
  };

  return {
    run: async (task) => {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
