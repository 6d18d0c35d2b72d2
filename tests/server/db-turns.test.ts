import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTurns } from "../../server/db/turns.ts";
import { createTestDb, type TestDb } from "../support/db.ts";

// PGlite runs queries on the event loop's thread; its queries take turns with the loop so that
// connections are accepted and timers fire while requests queue (server/db/turns.ts, decision 013).

/** Keeps the thread busy, as a query inside PGlite's WebAssembly does. */
function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/**
 * Runs `tasks` all at once and counts the event loop's turns meanwhile: the most tasks that
 * finished within one turn (all of them when the loop never turned while they ran).
 */
async function mostFinishedInOneTurn(tasks: (() => Promise<unknown>)[]) {
  let turn = 0;
  let done = false;
  const tick = () => {
    turn++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const finishedAt = await Promise.all(tasks.map((t) => t().then(() => turn)));
  done = true;
  const perTurn = new Map<number, number>();
  for (const at of finishedAt) perTurn.set(at, (perTurn.get(at) ?? 0) + 1);
  return { most: Math.max(...perTurn.values()), finished: finishedAt.length };
}

describe("turns", () => {
  it("runs one task at a time, in arrival order, and gives the loop a turn when a slice is spent", async () => {
    const turns = createTurns(5);
    const started: number[] = [];
    let inside = 0;
    let mostInside = 0;
    const tasks = Array.from(
      { length: 30 },
      (_, i) => () =>
        turns.run(async () => {
          started.push(i);
          mostInside = Math.max(mostInside, ++inside);
          busy(2);
          await Promise.resolve();
          inside--;
          return i;
        }),
    );
    const { most, finished } = await mostFinishedInOneTurn(tasks);
    expect(finished).toBe(30);
    expect(started).toEqual(tasks.map((_, i) => i));
    expect(mostInside).toBe(1);
    // 30 × 2 ms of work against 5 ms slices: at most 3 tasks between two turns of the loop.
    expect(most).toBeLessThanOrEqual(3);
  });

  it("passes a task's result and failure through and goes on with the next", async () => {
    const turns = createTurns(5);
    const failing = turns.run(async () => {
      throw new Error("query failed");
    });
    const next = turns.run(async () => "next");
    await expect(failing).rejects.toThrow("query failed");
    await expect(next).resolves.toBe("next");
  });
});

describe("queries on the product's database", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("migrated");
  });
  afterAll(() => t.close());

  it("leave the event loop a turn while many wait", async () => {
    const queries = Array.from({ length: 300 }, (_, i) => () => t.db.$queryRaw`SELECT ${i}::int AS n`);
    const { most, finished } = await mostFinishedInOneTurn(queries);
    expect(finished).toBe(300);
    // Without turns all 300 finished in one turn of the loop (2.5 s on this host); with them, 14.
    expect(most).toBeLessThanOrEqual(150);
  });

  it("let a transaction run to its end while other queries wait for their turn", async () => {
    const before = await t.db.adminUnit.count();
    const reads: number[] = [];
    await Promise.all([
      t.db.$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE turn_probe (n int)`;
        await tx.$executeRaw`INSERT INTO turn_probe VALUES (1)`;
        reads.push(Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM turn_probe`)[0]?.n));
        await tx.$executeRaw`DROP TABLE turn_probe`;
      }),
      ...Array.from({ length: 20 }, () => t.db.adminUnit.count().then((n) => reads.push(n))),
    ]);
    expect(reads).toContain(1);
    expect(reads.filter((n) => n === before)).toHaveLength(20);
  });
});
