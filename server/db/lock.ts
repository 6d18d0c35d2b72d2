import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: two processes opening one data directory corrupt it. The server
 * records its pid in `$DATA_DIR/server.pid`; the CLI refuses to open a directory whose server is
 * still running. (PostgreSQL needs no lock.)
 */
const lockFile = (dataDir: string) => path.join(dataDir, "server.pid");

/** The pid of a live process holding the directory, or null. A stale file is ignored. */
export function lockHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile(dataDir), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

export function acquireLock(dataDir: string): () => void {
  const holder = lockHolder(dataDir);
  if (holder !== null) {
    throw new Error(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng (data directory in use by process ${holder}).`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(lockFile(dataDir), String(process.pid));
  return () => fs.rmSync(lockFile(dataDir), { force: true });
}
