import { type FirstScreenData, type FirstScreenQuery, firstScreenQueries } from "@qt/shared/first-screen";
import type { Context } from "../context.ts";
import { createCaller } from "../routers/_app.ts";

/** auth.me and the first screen's answers for this address. */
export async function firstScreenData(ctx: Context, url: string): Promise<FirstScreenData> {
  const caller = createCaller(ctx);
  const { pathname, searchParams } = new URL(url, "http://localhost");
  const call = (q: FirstScreenQuery): Promise<unknown> => {
    if (q.path === "dashboard.summary") return caller.dashboard.summary(q.input);
    if (q.path === "dashboard.yearly") return caller.dashboard.yearly(q.input);
    return caller.dashboard.approval(q.input);
  };
  const queries = firstScreenQueries(pathname, searchParams);
  const [me, ...answers] = await Promise.all([
    caller.auth.me(),
    // A query that fails (a district code that does not exist) is left for the browser to ask,
    // which then shows the error the usual way.
    ...queries.map((q) =>
      call(q).then(
        (data) => ({ ...q, data }),
        () => null,
      ),
    ),
  ]);
  return { me, queries: answers.filter((a) => a !== null) };
}
