// The real server for a benchmark (tests/support/server-process.mjs): a fresh embedded database
// (reference data only) on a free loopback port, its output on this terminal, and admin's sign-in
// (bench-import, bench-guard, bench-load, bench-client, bench-backup).
import { login as loginAs, rssMb, startServer as startServerProcess } from "../tests/support/server-process.mjs";

export const PASSWORD = "bench-Admin-Passw0rd";
export const HEADERS = { "x-qt-client": "bench" };
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export { rssMb };

/**
 * BENCH_SERVER_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 * `opts` as for tests/support/server-process.mjs, laid over the bench's defaults.
 */
export function startServer(prefix = "qt-bench-", opts = {}) {
  const extra = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
  return startServerProcess({
    prefix,
    password: PASSWORD,
    echo: true,
    ...opts,
    nodeArgs: [...extra, ...(opts.nodeArgs ?? [])],
    env: { SEED_DEMO: "false", BACKUP_KEEP_DAYS: "0", ...opts.env },
  });
}

export const login = (url) => loginAs(url, "admin", PASSWORD, HEADERS);
