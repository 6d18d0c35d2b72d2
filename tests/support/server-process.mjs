// The real server in a process of its own, as `pnpm start` runs it (production mode, serving the
// built client), on a free loopback port: the one start-up the end-to-end tests, the server tests
// that need a running server and the bench scripts share. The server runs in the spawned process
// itself (`node --import tsx`, not the `tsx` launcher, which would be a second process that a SIGKILL
// would leave behind), so that `pid` is the server's (its memory is in /proc/PID/status).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const healthy = (url) =>
  fetch(`${url}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

/**
 * Starts `server/main.ts` and waits until /api/health answers. Without `dataDir`, a fresh embedded
 * database in a new temporary directory, removed by stop(); a given one is kept. `env` is laid over
 * the defaults (embedded database, LOG_LEVEL=warn, ADMIN_PASSWORD=`password`). `nodeArgs` go before
 * tsx's loader (e.g. --cpu-prof, --import of a probe). The output is kept (`output()`), passed to
 * `onStdout` line by line, and echoed to this process's own when `echo` is set ("stderr": that only).
 */
export async function startServer({
  env = {},
  dataDir,
  prefix = "qt-server-",
  password,
  nodeArgs = [],
  onStdout,
  echo = false,
  timeoutMs = 240_000,
} = {}) {
  const port = await freePort();
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      ...(password ? { ADMIN_PASSWORD: password } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let partial = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (echo === true) process.stdout.write(chunk);
    if (!onStdout) return;
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) onStdout(line);
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
    if (echo) process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    if (await healthy(url)) break;
    if (Date.now() - t0 > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(200);
  }
  const startMs = Date.now() - t0;
  const signal = async (sig, waitMs) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(sig);
    await Promise.race([exited, sleep(waitMs)]);
  };
  return {
    url,
    port,
    dataDir: dir,
    pid: child.pid,
    startMs,
    output: () => output,
    /** SIGTERM (a clean shutdown; SIGKILL after 15 s); removes the data directory unless it was given. */
    stop: async () => {
      await signal("SIGTERM", 15_000);
      await signal("SIGKILL", 5_000);
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
    /** SIGKILL, as a crash or `kill -9` would: nothing runs in the server after it. */
    kill: () => signal("SIGKILL", 10_000),
  };
}

/** Signs in through the API; the session's cookie header. */
export async function login(url, username, password, headers = { "x-qt-client": "test" }) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}
