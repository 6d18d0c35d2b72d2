import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { message } from "@qt/shared/messages/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors.ts";
import { READ_LIMITS, type ReadLimits } from "../../server/services/imports/limits.ts";
import { readSheet } from "../../server/services/imports/read.ts";
import { sheetXml, textCell, wideRowsWorkbook, workbookParts, zip } from "./helpers/zip.ts";

// The spreadsheet reader's limits (issue 23 items 1 and 2): each malicious file is built here,
// small, and read by the same function the upload calls.

/** The refusal's Vietnamese text, or "read" when the file was read. */
async function outcome(bytes: Buffer, limits: Partial<ReadLimits> = {}): Promise<string> {
  try {
    await readSheet(bytes, undefined, { ...READ_LIMITS, ...limits });
    return "read";
  } catch (err) {
    if (err instanceof AppError) return message(err.key, err.params, "vi");
    throw err;
  }
}

const rowsOf = (n: number, cells: (r: number) => string) =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join("");
const book = (rows: string, strings?: string[]) => zip(workbookParts(sheetXml(rows), { sharedStrings: strings }));

// exceljs's streaming reader wrote worksheets met before sharedStrings.xml to the temporary
// folder and left them there; every read here runs with a private one, checked empty after.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qt-read-tmp-"));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  // Assigning undefined would leave the string "undefined" for the next file in this worker.
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("reading a spreadsheet under limits set before reading", () => {
  it("refuses the wide-row file (A, B and XFD on 500 rows, 9 KB) at once, naming the cell and the limit", async () => {
    const file = wideRowsWorkbook(500);
    expect(file.length).toBeLessThan(12_000);
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(await outcome(file)).toBe(
      "Ô XFD1 nằm ngoài giới hạn 200 cột (đến cột GR): hãy xóa dữ liệu ở các cột thừa rồi tải lên lại.",
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024);
  }, 20_000);

  it("makes a row as wide as its last non-empty cell: empty or styled cells far right cost nothing", async () => {
    const rows = await readSheet(
      book(
        rowsOf(
          500,
          (r) => `${textCell(`A${r}`, "a")}${textCell(`B${r}`, "b")}<c r="XFD${r}" s="0"/><c r="XFC${r}"><v></v></c>`,
        ),
      ),
    );
    expect(rows).toHaveLength(500);
    expect(rows[499]).toEqual({ row: 500, cells: ["a", "b"] });
  });

  it("reads Excel's own order (sheet before sharedStrings.xml) and leaves no temporary file", async () => {
    const rows = await readSheet(
      book(
        rowsOf(3, (r) => `<c r="A${r}" t="s"><v>${r % 2}</v></c><c r="C${r}"><v>${r}</v></c>`),
        ["x", "y"],
      ),
    );
    expect(rows).toEqual([
      { row: 1, cells: ["y", null, 1] },
      { row: 2, cells: ["x", null, 2] },
      { row: 3, cells: ["y", null, 3] },
    ]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("never reads an entry left out of the central directory (what the check inflates is what is read)", async () => {
    const hidden = sheetXml(`<row r="1">${textCell("A1", "Tên mô hình")}${textCell("B1", "Xã")}</row>`);
    const parts = workbookParts(sheetXml(`<row r="1">${textCell("A1", "Báo cáo")}</row>`));
    const file = zip([{ name: "xl/worksheets/sheet1.xml", data: hidden, hidden: true }, ...parts]);
    expect(await readSheet(file)).toEqual([{ row: 1, cells: ["Báo cáo"] }]);
  });

  it("refuses a sheet that unpacks past its ceiling while it is read, not after", async () => {
    // 30 MB of empty rows pack to about 30 KB: 1.000× where real sheets pack 10–20×.
    const bomb = `<?xml version="1.0"?><worksheet><sheetData>${"<row/>".repeat(5_000_000)}</sheetData></worksheet>`;
    // The file is built before the baseline, whose garbage is collected first: only what the
    // reading allocates is counted (the file's own 30 MB of text once made this flaky).
    const file = zip(workbookParts(bomb));
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(await outcome(file)).toBe("Tệp giải nén ra quá lớn so với dữ liệu thật (có thể là tệp độc hại): không đọc.");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 * 1024 * 1024);
  }, 30_000);

  it.each([
    [
      "rows",
      { rows: 10 },
      rowsOf(11, (r) => textCell(`A${r}`, "x")),
      "Tệp có quá nhiều dòng: tối đa 10 dòng mỗi lần nhập.",
    ],
    [
      "cells",
      { cells: 20 },
      rowsOf(7, (r) => textCell(`A${r}`, "x") + textCell(`B${r}`, "y") + textCell(`C${r}`, "z")),
      "Tệp có quá nhiều ô có dữ liệu: tối đa 20 ô mỗi lần nhập.",
    ],
    [
      "text",
      { text: 100 },
      rowsOf(11, (r) => textCell(`A${r}`, "0123456789")),
      "Tệp có quá nhiều chữ: tối đa 100 ký tự mỗi lần nhập.",
    ],
    [
      "cells (a row as wide as its last cell)",
      { cells: 20 },
      rowsOf(3, (r) => textCell(`A${r}`, "x") + textCell(`H${r}`, "y")),
      "Tệp có quá nhiều ô có dữ liệu: tối đa 20 ô mỗi lần nhập.",
    ],
    [
      "one cell's text",
      { cellText: 50 },
      `<row r="1">${textCell("A1", "x".repeat(51))}</row>`,
      "Tệp có ô dài quá 50 ký tự (giới hạn của Excel).",
    ],
    [
      "columns",
      { columns: 3 },
      `<row r="1">${textCell("D1", "x")}</row>`,
      "Ô D1 nằm ngoài giới hạn 3 cột (đến cột C): hãy xóa dữ liệu ở các cột thừa rồi tải lên lại.",
    ],
  ])("refuses a file over the %s limit with a message naming it", async (_, limits, rows, text) => {
    expect(await outcome(book(rows), limits)).toBe(text);
  });

  it("limits the shared strings by count and by characters, even when no cell uses them", async () => {
    const strings = Array.from({ length: 11 }, (_, i) => `chuỗi ${i}`);
    const file = book(`<row r="1">${textCell("A1", "x")}</row>`, strings);
    expect(await outcome(file, { sharedStrings: 10 })).toBe("Bảng chuỗi dùng chung của tệp quá lớn: tối đa 10 chuỗi.");
    expect(await outcome(file, { sharedText: 50 })).toBe("Tệp có quá nhiều chữ: tối đa 50 ký tự mỗi lần nhập.");
    expect(await outcome(file)).toBe("read");
  });

  it("refuses one text node too long to be a cell before the XML parser has gathered it", async () => {
    const file = book(`<row r="1">${textCell("A1", randomBytes(1_500_000).toString("base64"))}</row>`);
    expect(await outcome(file)).toBe("Tệp có ô dài quá 32.767 ký tự (giới hạn của Excel).");
  });

  it("stops a read that runs past its time budget", async () => {
    const file = book(rowsOf(20_000, (r) => textCell(`A${r}`, "x") + textCell(`B${r}`, "y")));
    expect(await outcome(file, { ms: 1 })).toBe(
      "Đọc tệp quá 1 giây nên đã dừng: hãy chia tệp thành nhiều tệp nhỏ hơn.",
    );
  });

  it("applies the column limit to CSV too, and keeps only fields with data", async () => {
    const csv = Buffer.from(`a,b${",".repeat(1_000_000)}\nc,d,,,e\n`);
    expect(await readSheet(csv)).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["c", "d", null, null, "e"] },
    ]);
    expect(await outcome(Buffer.from("a,b,c,d\n"), { columns: 3 })).toBe(
      "Ô D1 nằm ngoài giới hạn 3 cột (đến cột C): hãy xóa dữ liệu ở các cột thừa rồi tải lên lại.",
    );
  });
});
