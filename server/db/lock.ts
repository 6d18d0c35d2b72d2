import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";

/**
 * One process per embedded data directory (PGlite is single-process; two writers lose data). The
 * lock is a Unix socket bound in Linux's abstract namespace under a name derived from the
 * directory's real path: bind() is atomic, so of any number of processes starting at once exactly
 * one gets it, and the kernel releases it when the holder dies, however it dies (kill -9
 * included), leaving nothing on disk to clean up. The holder answers whoever connects with who it
 * is, so a refused process can name it; that answer is only for the message, never trusted for the
 * decision. See docs/decisions/012.
 */
/** Another process holds the directory; `pnpm backup` then asks that process instead. */
export class DataDirBusyError extends Error {}

export type HolderInfo = { pid: number; startedAt: string; command: string; host: string };
export type DataDirLock = { release: () => Promise<void> };

/** The abstract socket name of a data directory (a leading NUL is Linux's abstract namespace). */
export function lockName(dataDir: string): string {
  const real = fs.realpathSync(dataDir);
  return `\0qt-data-dir-${createHash("sha256").update(real).digest("hex").slice(0, 40)}`;
}

const self = (): HolderInfo => ({
  pid: process.pid,
  startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  command: process.argv.slice(1).join(" ").slice(0, 300),
  host: os.hostname(),
});

/** Takes the lock of `dataDir` (created if missing), or fails with a message naming the holder. */
export async function acquireLock(dataDir: string): Promise<DataDirLock> {
  if (process.platform !== "linux") {
    throw new Error(
      "Cơ sở dữ liệu nhúng (PGlite) chỉ chạy trên Linux; trên hệ điều hành khác hãy dùng DATABASE_URL (PostgreSQL). " +
        "(The embedded database's directory lock needs Linux; elsewhere set DATABASE_URL.)",
    );
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const name = lockName(dataDir);
  const info = JSON.stringify(self());
  const server = net.createServer((socket) => socket.end(`${info}\n`));
  // The lock must never keep a finished CLI alive, nor answer slowly.
  server.unref();
  const bound = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    server.once("error", resolve);
    server.listen({ path: name, exclusive: true }, () => resolve(null));
  });
  if (bound) {
    if (bound.code !== "EADDRINUSE") throw bound;
    throw new DataDirBusyError(refusal(dataDir, await askHolder(name)));
  }
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * How long a refused process waits for the holder to say who it is. The name is taken by bind()
 * a moment before the holder listens, and a holder busy starting (two shared cores) may not
 * answer for a while: a refusal should still name it, so a failed or silent answer is asked again
 * until this deadline, and only then does the message fall back to "another process".
 */
export const ASK_HOLDER_MS = 10_000;

/** What the holder says about itself, or null when it has not said it within `waitMs`. */
export async function askHolder(name: string, waitMs = ASK_HOLDER_MS): Promise<HolderInfo | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = deadline - Date.now();
    const info = await askOnce(name, Math.max(100, Math.min(left, 2000)));
    if (info || Date.now() + 100 > deadline) return info;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function askOnce(name: string, timeoutMs: number): Promise<HolderInfo | null> {
  return new Promise((resolve) => {
    let text = "";
    const socket = net.connect({ path: name });
    const done = (value: HolderInfo | null) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.on("data", (d) => {
      text += d;
    });
    socket.on("error", () => done(null));
    socket.on("close", () => done(null));
    socket.on("end", () => {
      try {
        const info = JSON.parse(text) as HolderInfo;
        done(typeof info?.pid === "number" ? info : null);
      } catch {
        done(null);
      }
    });
  });
}

function refusal(dataDir: string, holder: HolderInfo | null): string {
  const who = holder
    ? `tiến trình ${holder.pid} (máy ${holder.host}, chạy từ ${holder.startedAt}: ${holder.command})`
    : "một tiến trình khác";
  const whoEn = holder ? `process ${holder.pid} started ${holder.startedAt}: ${holder.command}` : "another process";
  return (
    `Thư mục dữ liệu ${dataDir} đang được ${who} sử dụng; hãy dừng tiến trình đó trước. ` +
    `(Data directory in use by ${whoEn}; stop it first. Nothing was changed.)`
  );
}
