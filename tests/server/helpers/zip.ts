import { crc32, deflateRawSync } from "node:zlib";

// Small hand-made zips and workbooks for the reader's limits (issue 23): the malicious files are
// built here, byte by byte, so each test shows exactly what it sends.

export type ZipPart = {
  name: string;
  data: Buffer | string;
  /** Stored rather than deflated. */
  stored?: boolean;
  /** Written as a local entry only, left out of the central directory. */
  hidden?: boolean;
};

/** A zip of the parts in the order given (what a streaming reader meets first comes first). */
export function zip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const p of parts) {
    const raw = Buffer.from(p.data);
    const body = p.stored ? raw : deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    if (!p.hidden) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(p.stored ? 0 : 8, 10);
      c.writeUInt32LE(crc32(raw), 16);
      c.writeUInt32LE(body.length, 20);
      c.writeUInt32LE(raw.length, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(offset, 42);
      central.push(c, name);
      count++;
    }
    out.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A worksheet part from its `<sheetData>` content. */
export const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

/** An inline-string cell. */
export const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * The parts of a one-sheet workbook as Excel lays them out (sheet before shared strings), to be
 * reordered or extended by a test.
 */
export function workbookParts(sheet: string, opts: { sharedStrings?: string[]; styles?: string } = {}): ZipPart[] {
  const strings = opts.sharedStrings ?? [];
  return [
    {
      name: "[Content_Types].xml",
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    },
    {
      name: "xl/styles.xml",
      data:
        opts.styles ??
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    },
  ];
}

/**
 * The first review's memory bomb: rows with cells A and B and one cell at column XFD (the last
 * Excel allows). 500 rows pack to about 9 KB.
 */
export function wideRowsWorkbook(rows: number): Buffer {
  let data = "";
  for (let r = 1; r <= rows; r++) {
    data += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" t="s"><v>1</v></c><c r="XFD${r}"><v>${r}</v></c></row>`;
  }
  return zip(workbookParts(sheetXml(data), { sharedStrings: ["Tên mô hình", "Xã"] }));
}
