import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Applies prisma/migrations with `prisma migrate deploy` (the JavaScript schema engine through the
 * same driver adapter, see prisma.config.ts) before the server opens the database. Runs in a child
 * process that exits before the server opens PGlite, so one data directory is never opened twice.
 */
export function migrateDeploy(env: { DATABASE_URL?: string; dataDir: string }): Promise<void> {
  const bin = path.join(repoRoot, "node_modules", ".bin", "prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["migrate", "deploy"], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: env.dataDir, DATABASE_URL: env.DATABASE_URL ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy thất bại (failed, exit ${code}):\n${redactUrls(output)}`));
    });
  });
}

/** Hides credentials in any postgresql:// URL the CLI may echo: secrets never reach a log. */
export function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/)[^@\s/]*@/g, "$1***@");
}
