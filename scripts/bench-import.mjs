#!/usr/bin/env node
import { createRequire } from "node:module";
import path from "node:path";
import { HEADERS, login, rssMb, sleep, startServer } from "./bench-server.mjs";

const root = path.resolve(import.meta.dirname, "..");
const ExcelJS = createRequire(path.join(root, "server/package.json"))("exceljs");
const GOALS = { previewS: 10, commitS: 30, peakAboveBaseMb: 300 };
const at = process.argv.indexOf("--rows");
const ROWS = at > 0 ? Number(process.argv[at + 1]) : 50_000;
if (!Number.isInteger(ROWS) || ROWS < 1 || ROWS > 100_000) throw new Error("--rows takes 1 to 100000");
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
