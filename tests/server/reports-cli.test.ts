import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyPreparedDataDir } from "../support/data-dirs.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-report-cli-"));
// A folder a default first start made (migrations, reference data, demo records), copied, instead
// of the first report making it (tests/support/data-dirs.ts): what is tested here is the report.
copyPreparedDataDir("demo", dataDir);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * `pnpm report …` as a scheduled job runs it: a real process on its own embedded database (node with
 * tsx's loader, as `tsx` runs it, without the launcher process in front: 1 s less CPU a run).
 */
function report(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(root, "server/cli/report.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
    timeout: 120_000,
  });
}

describe("pnpm report", () => {
  it("writes the Word report to the given file", () => {
    const docx = path.join(dataDir, "report.docx");
    const word = report(["--format", "docx", "--from", "2007", "--to", "2022", "--out", docx]);
    expect(word.stderr).toBe("");
    expect(word.status).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString("latin1")).toBe("PK");
  }, 120_000);

  it("takes --draft: a draft that does not exist is refused with a clear message and no file", () => {
    const out = path.join(dataDir, "draft.docx");
    const r = report(["--format", "docx", "--draft", "999", "--out", out]);
    expect(r.stderr.trim()).toBe("Không tìm thấy bản nháp báo cáo (có thể đã bị xóa).");
    expect(r.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it("refuses bad options with a clear message before opening the database, and writes no file", () => {
    const out = path.join(dataDir, "bad.pdf");
    const r = report(["--format", "pdf", "--from", "2022", "--to", "2007", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc");
    expect(fs.existsSync(out)).toBe(false);
    const csv = report(["--format", "csv", "--table", "users", "--out", out]);
    expect(csv.status).toBe(1);
    expect(csv.stderr).toContain("--table: sites, cameras, awards, areas, districts");
    expect(report(["--help"]).stdout).toContain("PGlite (the embedded database, no DATABASE_URL) is single-process");
    const province = report(["--format", "pdf", "--province", "4x", "--out", out]);
    expect(province.status).toBe(1);
    expect(province.stderr).toContain("formerProvinceCode: Mã tỉnh cũ không hợp lệ");
    // A well-formed code of an old province not merged into this one: refused once the database says so.
    const other = report(["--format", "pdf", "--province", "46", "--out", out]);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("Tỉnh cũ mã 46 không thuộc địa bàn tỉnh Quảng Trị");
    const view = report(["--format", "pdf", "--view", "today", "--out", out]);
    expect(view.status).toBe(1);
    expect(view.stderr).toContain("view: Cách tổng hợp không hợp lệ");
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it("takes the territory and the view: --province 44 --view current lists today's communes of former Quảng Bình", () => {
    const csv = path.join(dataDir, "areas-44.csv");
    const r = report(["--format", "csv", "--table", "areas", "--province", "44", "--view", "current", "--out", csv]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const rows = fs.readFileSync(csv, "utf8").trimEnd().split("\r\n").slice(1);
    // The 41 communes of today on former Quảng Bình's land (issue 11), each marked "from 01/07/2025".
    expect(rows).toHaveLength(41);
    expect(rows.every((r) => r.endsWith(",1"))).toBe(true);
    expect(rows.some((r) => r.includes("Phường Đồng Hới"))).toBe(true);
  }, 120_000);
});
