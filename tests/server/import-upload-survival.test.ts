import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_ADMIN_PASSWORD } from "../e2e/helpers/auth.ts";
import { type RunningServer, startServer } from "../e2e/helpers/server.ts";
import { multipart } from "./helpers/imports.ts";
import { sheetXml, textCell, wideRowsWorkbook, workbookParts, zip } from "./helpers/zip.ts";

// Issue 23 items 1 and 2 against the real server: the wide-row file refused while the server keeps
// answering within its memory, and no temporary file left by an upload, by the product's own
// template (sheets before sharedStrings.xml, as Excel writes them), or by a server killed with
// SIGKILL in the middle of one. The server gets a private temporary folder (TMPDIR) to count.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qt-upload-tmp-"));
let server: RunningServer;
let cookie = "";
/** What the folder holds before any upload (tsx keeps its cache there). */
let baseline: string[] = [];
const left = () => fs.readdirSync(tmp).filter((f) => !baseline.includes(f));
beforeAll(async () => {
  server = await startServer({ NODE_ENV: "development", BACKUP_KEEP_DAYS: "0", SEED_DEMO: "false", TMPDIR: tmp });
  const res = await fetch(`${server.url}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-qt-client": "test" },
    body: JSON.stringify({ username: "admin", password: E2E_ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  baseline = fs.readdirSync(tmp);
  cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}, 300_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function upload(bytes: Buffer, name = "ds.xlsx") {
  const body = multipart({ kind: "sites" }, { name, bytes });
  return fetch(`${server.url}/api/imports`, {
    method: "POST",
    headers: { cookie, "x-qt-client": "test", "content-type": body.contentType },
    body: body.payload,
  });
}

/** Resident memory of the server process in MB. */
const rssMb = () => {
  const line = fs.readFileSync(`/proc/${server.pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1]) / 1024;
};

/** Polls the health check and the server's memory every 100 ms while `work` runs. */
async function watch<T>(work: Promise<T>) {
  let slowest = 0;
  let peak = rssMb();
  let done = false;
  const polls = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(`${server.url}/api/health`);
      slowest = Math.max(slowest, performance.now() - t0);
      peak = Math.max(peak, rssMb());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await polls;
  return { result, slowest, peak };
}

/** A sites sheet of `rows` rows in Excel's part order: the sheet before sharedStrings.xml. */
function excelOrdered(rows: number): Buffer {
  let data = `<row r="1">${textCell("A1", "Tên mô hình")}${textCell("B1", "Xã")}${textCell("C1", "Năm thành lập")}</row>`;
  for (let r = 2; r <= rows; r++) {
    data += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" t="s"><v>1</v></c><c r="C${r}"><v>2015</v></c></row>`;
  }
  return zip(workbookParts(sheetXml(data), { sharedStrings: ["Tổ tự quản", "Xã Hải An"] }));
}

describe("uploads against the real server", () => {
  it("refuses the wide-row file (9 KB) with the health check under 2 s and memory within +200 MB", async () => {
    const before = rssMb();
    const { result: res, slowest, peak } = await watch(upload(wideRowsWorkbook(500)));
    const body = (await res.json()) as { error: { message: string } };
    console.info(
      `wide rows: ${res.status}, slowest health ${slowest.toFixed(0)} ms, RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB`,
    );
    expect(res.status).toBe(400);
    expect(body.error.message).toContain("Ô XFD1 nằm ngoài giới hạn 200 cột");
    expect(slowest).toBeLessThan(2000);
    expect(peak - before).toBeLessThan(200);
  }, 120_000);

  it("leaves no temporary file after the product's own template and an Excel-ordered workbook", async () => {
    const tpl = await fetch(`${server.url}/api/imports/template.xlsx?kind=sites`, { headers: { cookie } });
    expect(tpl.status).toBe(200);
    const res = await upload(Buffer.from(await tpl.arrayBuffer()), "mau.xlsx");
    expect(res.status).toBeLessThan(500);
    expect((await upload(excelOrdered(2000))).status).toBe(200);
    expect(left()).toEqual([]);
  }, 120_000);

  it("leaves no temporary file when the server is killed with SIGKILL in the middle of an upload", async () => {
    const before = left();
    const pending = upload(excelOrdered(60_000)).catch(() => null);
    // Kill while the file is being read: as soon as a temporary file appears, or after 1.5 s.
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline && left().length === before.length) await new Promise((r) => setTimeout(r, 20));
    await server.kill();
    await pending;
    expect(left()).toEqual(before);
  }, 120_000);
});
