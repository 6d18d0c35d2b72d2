import ExcelJS from "exceljs";

type Value = ExcelJS.CellValue;

/** An .xlsx made with exceljs as a person lays one out: rows as given (title rows, merges, blank lines). */
export async function xlsx(rows: Value[][], opts: { merges?: string[]; dateCells?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r;
  });
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  for (const c of opts.dateCells ?? []) ws.getCell(c).numFmt = "dd/mm/yyyy";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with a `kind` field and a `file`, as a browser's FormData sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const boundary = "----qtTestBoundary7MA4YWxk";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
