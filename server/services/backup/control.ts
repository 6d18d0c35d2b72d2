import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { writeBackup } from "./dump.ts";
import { type EndLine, verifyBackup } from "./format.ts";
import { type BackupSource, backupFrom } from "./snapshot.ts";

/**
 * How `pnpm backup` reaches a server that holds the embedded database (a second process may not
 * open it): a Unix socket inside the data directory. The directory is 0700, so only the account
 * running the product (or root) can connect — the same people who could copy the files. The
 * server streams the backup back; nothing is written where a caller names.
 */
export const controlSocketPath = (dataDir: string) => path.join(dataDir, "control.sock");

export type ControlServer = { close: () => Promise<void> };

/** Starts answering backup requests. Only the lock holder calls this, so a leftover socket file is stale. */
export async function startControlSocket(
  dataDir: string,
  source: BackupSource,
  onError: (err: unknown) => void,
): Promise<ControlServer> {
  const file = controlSocketPath(dataDir);
  fs.rmSync(file, { force: true });
  const server = net.createServer((socket) => {
    // A client that never asks is not kept (a backup under way keeps sending, so never idles).
    socket.setTimeout(300_000, () => socket.destroy());
    socket.once("data", (d) => {
      if (d.toString().trim() !== "backup") {
        socket.destroy();
        return;
      }
      backupFrom(source, socket, writeBackup).catch((err: unknown) => {
        onError(err);
        socket.destroy();
      });
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** Asks the running server for a backup into `file` (0600), and checks it is complete. */
export async function requestBackup(dataDir: string, file: string): Promise<EndLine> {
  const partial = `${file}.partial`;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(partial, { mode: 0o600 });
      const socket = net.connect(controlSocketPath(dataDir), () => socket.write("backup\n"));
      socket.on("error", (err) =>
        reject(new Error(`Không kết nối được máy chủ đang chạy (cannot reach the running server): ${err.message}`)),
      );
      socket.pipe(out);
      out.on("finish", resolve);
      out.on("error", reject);
    });
    // A server that failed half-way leaves a file without its end line: refused here.
    const { end } = await verifyBackup(partial);
    fs.renameSync(partial, file);
    return end;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
