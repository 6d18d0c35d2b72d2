import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, lockName } from "../../server/db/lock.ts";

// One process per embedded data directory (issue 14, finding 4): real processes racing for the
// lock, and a holder killed with SIGKILL, as on a power cut or the OOM killer.

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
// Node with tsx's loader rather than the tsx binary, which runs the script in a child process:
// the pid seen here must be the process that holds the lock.
const node = (script: string, ...args: string[]) => [process.execPath, ["--import", "tsx", script, ...args]] as const;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "qt-lock-"));
  dirs.push(d);
  return d;
};

const holderInfo = `${JSON.stringify({ pid: 424242, startedAt: "2026-01-01T00:00:00.000Z", command: "x", host: "test-host" })}\n`;

type Holder = { child: ChildProcess; outcome: Promise<string> };

/** Starts hold-lock.ts; resolves with its first line ("locked" or "refused …"). */
function holdLock(dataDir: string, startAt: number): Holder {
  const child = spawn(...node(path.join(root, "tests/server/helpers/hold-lock.ts"), dataDir, String(startAt)), {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  const outcome = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.stderr?.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => (out.includes("\n") ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}`))));
  });
  return { child, outcome };
}

describe("data directory lock", () => {
  it("lets exactly one of several processes started in the same millisecond open a directory", async () => {
    const dir = tmp();
    // Far enough ahead for every tsx to have loaded (two cores shared by others).
    const startAt = Date.now() + 8000;
    const racers = Array.from({ length: 5 }, () => holdLock(dir, startAt));
    const outcomes = await Promise.all(racers.map((r) => r.outcome));
    const winners = racers.filter((_, i) => outcomes[i] === "locked");
    expect(winners).toHaveLength(1);
    const pid = winners[0]?.child.pid;
    for (const o of outcomes.filter((o) => o !== "locked")) {
      // The refusal names the holder: its pid and its command line.
      expect(o).toContain(`refused Thư mục dữ liệu ${dir} đang được tiến trình ${pid}`);
      expect(o).toContain("hold-lock.ts");
    }
  }, 60_000);

  // The race above cannot be steered: under load the holder may bind the name a while before it
  // answers. These holders are made slow on purpose, so the refusal's wording is tested without luck.
  it.each([
    ["answers only after 1.5 s (busy starting)", (s: net.Socket) => setTimeout(() => s.end(holderInfo), 1500)],
    [
      "drops every connection for its first 1.5 s (bound, not yet answering)",
      (s: net.Socket, t: number) => (Date.now() - t < 1500 ? s.destroy() : s.end(holderInfo)),
    ],
  ])(
    "names a holder that %s",
    async (_, answer) => {
      const dir = tmp();
      const started = Date.now();
      const holder = net.createServer((s) => answer(s, started));
      await new Promise<void>((resolve) => holder.listen({ path: lockName(dir), exclusive: true }, resolve));
      try {
        await expect(acquireLock(dir)).rejects.toThrow(`đang được tiến trình 424242 (máy test-host`);
      } finally {
        holder.close();
      }
    },
    30_000,
  );

  it("is free again after the holder is killed with SIGKILL, with nothing to clean up", async () => {
    const dir = tmp();
    const first = holdLock(dir, 0);
    expect(await first.outcome).toBe("locked");
    expect(await holdLock(dir, 0).outcome).toMatch(/^refused /);
    const exited = new Promise((r) => first.child.once("exit", r));
    first.child.kill("SIGKILL");
    await exited;
    expect(await holdLock(dir, 0).outcome).toBe("locked");
  }, 60_000);

  it("is not blocked by a leftover pid file naming a live process (the old server.pid)", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "server.pid"), String(process.pid));
    expect(await holdLock(dir, 0).outcome).toBe("locked");
  }, 60_000);

  it("refuses `pnpm user` while a server holds the directory, and creates nothing in it", async () => {
    const dir = tmp();
    const holder = holdLock(dir, 0);
    expect(await holder.outcome).toBe("locked");
    const before = fs.readdirSync(dir);
    const r = spawnSync(tsx, [path.join(root, "server/cli/user.ts"), "list"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "warn" },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`đang được tiến trình ${holder.child.pid}`);
    expect(fs.readdirSync(dir)).toEqual(before);
  }, 60_000);
});
