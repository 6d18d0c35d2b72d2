import type { buildApp } from "./app.ts";

/** When the app last answered, and how many it has answered: idle work waits for a quiet moment. */
export type Activity = { quietFor: (ms: number) => boolean; served: () => number };

export function trackActivity(app: Awaited<ReturnType<typeof buildApp>>): Activity {
  let served = 0;
  let last = 0;
  app.addHook("onResponse", async () => {
    served++;
    last = Date.now();
  });
  return { quietFor: (ms) => Date.now() - last >= ms, served: () => served };
}
