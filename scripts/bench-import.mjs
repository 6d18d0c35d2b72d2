#!/usr/bin/env node
// Spreadsheet import at scale (issue 12, decision 024), measured (not a timed test): the real server
// on a fresh embedded database (reference data only), one generated .xlsx of `--rows` sites (old
// communes by name with their district, dates 2008–2024, Vietnamese thousands in "Số hộ"), uploaded
// (preview) and committed through the API as the browser does; the time of each and the server's
// peak RSS above its base (after sign-in, before the upload). Goals: preview ≤ 10 s, commit ≤ 30 s,
// peak ≤ 300 MB above base. Loopback only.
// Usage: pnpm bench:import [--rows 50000]  (BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server)
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "../tests/support/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ExcelJS = createRequire(path.join(root, "server/package.json"))("exceljs");
const PASSWORD = "bench-Admin-Passw0rd";
const GOALS = { previewS: 10, commitS: 30, peakAboveBaseMb: 300 };
const at = process.argv.indexOf("--rows");
const ROWS = at > 0 ? Number(process.argv[at + 1]) : 50_000;
if (!Number.isInteger(ROWS) || ROWS < 1 || ROWS > 100_000) throw new Error("--rows takes 1 to 100000");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bench-import-"));
  // BENCH_SERVER_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, "--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      BACKUP_KEEP_DAYS: "0",
      ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() - t0 > 240_000) throw new Error("server did not start in 240 s");
    await sleep(200);
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const HEADERS = { "x-qt-client": "bench" };

async function login(url) {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: "POST",
    headers: { ...HEADERS, "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function trpc(url, cookie, proc, input, method = "GET") {
  const res =
    method === "GET"
      ? await fetch(`${url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        })
      : await fetch(`${url}/api/trpc/${proc}`, {
          method: "POST",
          headers: { ...HEADERS, cookie, "content-type": "application/json" },
          body: JSON.stringify(input),
        });
  const body = await res.json();
  if (!res.ok) throw new Error(`${proc}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

/** The .xlsx a province office might send: title rows, then ROWS sites spread over the old communes. */
async function generate(areas, types) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["DANH SÁCH ĐIỂM MÔ HÌNH PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"]);
  ws.addRow([]);
  ws.addRow([
    "STT",
    "Tên mô hình",
    "Loại mô hình",
    "Xã, phường, thị trấn",
    "Huyện/TX/TP",
    "Năm thành lập",
    "Số hộ",
    "Ghi chú",
  ]);
  for (let i = 0; i < ROWS; i++) {
    const a = areas[i % areas.length];
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 12)).padStart(2, "0");
    const year = 2008 + (i % 17);
    const date = i % 5 === 0 ? String(year) : `${day}/${month}/${year}`;
    const households = 20 + (i % 2000);
    ws.addRow([
      i + 1,
      `Điểm số ${i + 1}`,
      types[i % types.length],
      a.name,
      a.district,
      date,
      households >= 1000 ? households.toLocaleString("vi-VN") : households,
      i % 7 === 0 ? "Ghi chú" : null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Runs `work` while sampling the server's RSS every 100 ms; its time and the peak. */
async function measured(pid, work) {
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 100);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - t0) / 1000, peak };
  } finally {
    clearInterval(sampler);
  }
}

const server = await startServer();
try {
  const cookie = await login(server.url);
  const tree = await trpc(server.url, cookie, "units.tree", { on: "2020-06-01" });
  const areas = tree.flatMap((d) => d.areas.map((a) => ({ name: a.name, district: d.name })));
  const types = (await trpc(server.url, cookie, "modelTypes.list", {})).items.map((t) => t.name);
  const file = await generate(areas, types);
  console.log(
    `file: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, ${areas.length} areas, ${types.length} model types`,
  );
  await sleep(2000);
  const base = rssMb(server.pid);
  const form = new FormData();
  form.append("kind", "sites");
  form.append("file", new Blob([file]), "bench.xlsx");
  const preview = await measured(server.pid, async () => {
    const res = await fetch(`${server.url}/api/imports`, {
      method: "POST",
      headers: { ...HEADERS, cookie },
      body: form,
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
    return body;
  });
  const p = preview.result;
  console.log(
    `preview: ${preview.seconds.toFixed(1)} s — total ${p.total}, ready ${p.ready}, duplicates ${p.duplicates}, errors ${p.errorRows}, year only ${p.yearOnly}`,
  );
  if (p.errors.length) console.log(`  first error: ${p.errors[0].message}`);
  const commit = await measured(server.pid, () =>
    trpc(server.url, cookie, "imports.commit", { batchId: p.batchId, skipErrors: true }, "POST"),
  );
  console.log(
    `commit: ${commit.seconds.toFixed(1)} s — created ${commit.result.created}, skipped ${commit.result.skipped}`,
  );
  const peak = Math.max(preview.peak, commit.peak);
  console.log(
    `server RSS: base ${base} MB, peak ${peak} MB (preview ${preview.peak}, commit ${commit.peak}), ${peak - base} MB above base`,
  );
  const ok =
    preview.seconds <= GOALS.previewS && commit.seconds <= GOALS.commitS && peak - base <= GOALS.peakAboveBaseMb;
  console.log(
    `goals (preview ≤ ${GOALS.previewS} s, commit ≤ ${GOALS.commitS} s, ≤ ${GOALS.peakAboveBaseMb} MB above base): ${ok ? "met" : "NOT met"}`,
  );
} finally {
  await server.stop();
}
