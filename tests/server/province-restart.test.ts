import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open.ts";
import { readEnv } from "../../server/env.ts";

/**
 * A data folder belongs to the province it was set up for (decision 044): Huế's (46) folder started
 * with PROVINCE=44 stops before anything is migrated or written, naming both provinces; an unknown
 * PROVINCE stops the start with the list of the 34 codes.
 */
const root = path.resolve(import.meta.dirname, "../..");
let dataDir: string;
let units: number;
beforeAll(async () => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qt-province-")), "data");
  const opened = await openDatabase(
    readEnv({ DATA_DIR: dataDir, SEED_DEMO: "false", PROVINCE: "46", LOG_LEVEL: "warn" }),
  );
  try {
    units = await opened.db.adminUnit.count();
  } finally {
    await opened.close();
  }
}, 300_000);
afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

/** `server/main.ts` as `pnpm start` runs it, until it exits; its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", LOG_LEVEL: "warn", PORT: "4204", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => {
      output += c;
    });
    child.stderr.on("data", (c) => {
      output += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("the province of a data folder", () => {
  it("refuses to start Huế's folder as Quảng Trị's, naming both, and changes nothing", async () => {
    const { code, output } = await start({ DATA_DIR: dataDir, PROVINCE: "44" });
    expect(code).not.toBe(0);
    expect(output).toContain("46 (Thành phố Huế)");
    expect(output).toContain("PROVINCE=44 (Tỉnh Quảng Trị)");

    // Without PROVINCE the folder's own province is used: nothing was changed, and it opens.
    const opened = await openDatabase(readEnv({ DATA_DIR: dataDir, SEED_DEMO: "false", LOG_LEVEL: "warn" }));
    try {
      expect(await opened.db.adminUnit.count()).toBe(units);
      const setting = await opened.db.appSetting.findUniqueOrThrow({ where: { key: "province" } });
      expect(setting.value).toMatchObject({ code: "46", name: "Thành phố Huế" });
    } finally {
      await opened.close();
    }
  }, 180_000);

  it("stops at an unknown PROVINCE with the list of valid codes", async () => {
    expect(() => readEnv({ PROVINCE: "45" })).toThrow(/PROVINCE: .*01, 04, 08, .*44, .*96/);
    const { code, output } = await start({ DATA_DIR: path.join(path.dirname(dataDir), "never"), PROVINCE: "99" });
    expect(code).not.toBe(0);
    expect(output).toContain("01, 04, 08");
    expect(fs.existsSync(path.join(path.dirname(dataDir), "never"))).toBe(false);
  }, 180_000);
});
