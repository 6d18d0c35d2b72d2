import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/http/app.ts";
import { communeFile } from "../fixtures/maps.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { GIO_LINH, setApproval } from "./helpers/approvals.ts";
import { entryFile } from "./helpers/entry.ts";
import { multipart } from "./helpers/imports.ts";

/**
 * Issue 23, finding 7: text the database cannot hold (NUL, a lone surrogate) in fields no schema
 * rule covered answered 500, three of them with the database's own words. The clean-text rule now
 * stands before every procedure and in the plain routes' guard and multipart reader: 400, in the
 * user's language, nothing written, never a driver's message.
 */
const s = entryFile();
let app: Awaited<ReturnType<typeof buildApp>>;
let cookie = "";
beforeAll(async () => {
  app = await buildApp({ db: s.t.db, dbKind: s.t.kind });
  cookie = `qt_session=${await sessionFor(s.t.db, s.users.admin.id)}`;
}, 60_000);
afterAll(async () => {
  await app.close();
});

const DRIVER_TEXT = /invalid byte sequence|prisma|executeRaw|\\u0000|0x00|SELECT|INSERT|stack/i;
const BAD = ["n\u0000ote", "\uD800", "x\uDFFFy"];

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe("procedures: the clean-text rule before any schema", () => {
  it("refuses NUL and lone surrogates in approvals' note and reason with 400, nothing written", async () => {
    const admin = s.caller(s.users.admin).approvals;
    const before = await s.t.db.approval.count();
    for (const bad of BAD) {
      const submit = await refusal(admin.submit({ unitCode: GIO_LINH, year: 2020, note: bad }));
      expect([submit.code, submit.message]).toEqual(["BAD_REQUEST", "Có ký tự không hợp lệ"]);
    }
    await setApproval(s.t.db, GIO_LINH, 2019, "approved");
    for (const bad of BAD) {
      expect((await refusal(admin.reopen({ unitCode: GIO_LINH, year: 2019, reason: bad }))).code).toBe("BAD_REQUEST");
    }
    await setApproval(s.t.db, GIO_LINH, 2018, "submitted");
    for (const bad of BAD) {
      expect((await refusal(admin.return({ unitCode: GIO_LINH, year: 2018, reason: bad }))).code).toBe("BAD_REQUEST");
    }
    expect(await s.t.db.approval.count()).toBe(before + 2);
  });

  it("names the field over HTTP, in English when asked, without the database's words", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/approvals.submit",
      headers: { "x-qt-client": "web", "content-type": "application/json", "x-qt-locale": "en", cookie },
      payload: JSON.stringify({ unitCode: GIO_LINH, year: 2020, note: "a\u0000b" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Contains an invalid character");
    expect(res.json().error.data.fieldErrors).toEqual({ note: ["Contains an invalid character"] });
    expect(res.body).not.toMatch(DRIVER_TEXT);
  });
});

describe("plain routes: the guard's query check and the multipart reader", () => {
  it("refuses a map's file name or attribution with NUL or another control character (400), nothing stored", async () => {
    const file = JSON.stringify(await communeFile(s.t.db, "two_level"));
    for (const [name, value] of [
      ["fileName", "x%00.json"],
      ["attribution", "Ngu%E1%BB%93n%00"],
      ["fileName", "%1B%5B31m.json"],
    ] as const) {
      const query = new URLSearchParams({ fileName: "xa.json", attribution: "Nguồn thử" }).toString();
      const url = `/api/maps/communes/two_level?${query.replace(new RegExp(`${name}=[^&]*`), `${name}=${value}`)}`;
      const res = await app.inject({
        method: "POST",
        url,
        headers: { "x-qt-client": "web", "content-type": "application/json", cookie },
        payload: file,
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.body).not.toMatch(DRIVER_TEXT);
    }
    expect(await s.t.db.mapLayer.count()).toBe(0);
  });

  it("refuses a multipart file name or field with NUL (400), and a CSV with NUL after its first 4 KB", async () => {
    const csvHead = "Loại mô hình,Tên điểm mô hình,Xã,Huyện,Ngày thành lập\r\n";
    const row = (i: number) => `Dòng họ không có tội phạm,Dòng họ ${i},Hải Ba,Hải Lăng,01/02/2020\r\n`;
    const clean = csvHead + Array.from({ length: 80 }, (_, i) => row(i)).join("");
    expect(clean.length).toBeGreaterThan(4096);
    const send = (body: ReturnType<typeof multipart>) =>
      app.inject({
        method: "POST",
        url: "/api/imports",
        headers: { "x-qt-client": "web", "content-type": body.contentType, cookie },
        payload: body.payload,
      });
    const before = await s.t.db.importBatch.count();
    const badName = await send(multipart({ kind: "sites" }, { name: "ds\u0000.csv", bytes: Buffer.from(clean) }));
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.messageKey).toBe("request.badCharacter");
    const badField = await send(
      multipart({ kind: "sites", "x\u0000": "1" }, { name: "ds.csv", bytes: Buffer.from(clean) }),
    );
    expect(badField.statusCode).toBe(400);
    const late = `${clean}Dòng họ không có tội phạm,Dòng họ c\u0000uối,Hải Ba,Hải Lăng,01/02/2020\r\n`;
    const badCell = await send(multipart({ kind: "sites" }, { name: "ds.csv", bytes: Buffer.from(late) }));
    expect(badCell.statusCode).toBe(400);
    expect(badCell.json().error.message).toBe(
      "Ô B82 (dòng 82) có ký tự không hợp lệ (ký tự điều khiển hoặc mã hóa hỏng): hãy sửa ô này rồi tải lên lại.",
    );
    for (const res of [badName, badField, badCell]) expect(res.body).not.toMatch(DRIVER_TEXT);
    expect(await s.t.db.importBatch.count()).toBe(before);
  });
});
