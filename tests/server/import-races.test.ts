import { describe, expect, inject, it } from "vitest";
import type { Prisma } from "../../server/generated/prisma/client.ts";
import { lockUnitYear } from "../../server/services/approvals/lock.ts";
import { commitBatch } from "../../server/services/imports/commit.ts";
import { createBatch } from "../../server/services/imports/preview.ts";
import type { Tracker } from "../../server/services/imports/progress.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { approvalOf, setApproval, unitId, XA_GIO_LINH } from "./helpers/approvals.ts";
import { CLAN, entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * Imports and approvals at the same moment (issue 23, decision 028). On PostgreSQL (the server
 * project's second run, TEST_DATABASE_URL) each call below has its own connection and the calls
 * really overlap; on the embedded database they take turns, and the outcome must be the same.
 */
const s = entryFile();

const BUSY =
  "Số liệu của đơn vị và năm này đang được ghi (có thể một lần nhập đang chạy) — vui lòng thử lại sau ít phút.";

/** A CSV of `n` clan sites of Xã Hải An founded on `date`, named `<prefix> 1…n`. */
/**
 * A submission in progress: a transaction that takes the unit-year's lock, holds it 300 ms, then
 * writes the approval (`write`). Resolves once the lock is taken, with the transaction (`submission`).
 */
async function submitting(id: number, year: number, write: (tx: Prisma.TransactionClient) => Promise<unknown>) {
  let held!: () => void;
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  const submission = s.t.db.$transaction(async (tx) => {
    await lockUnitYear(tx, id, year);
    held();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await write(tx);
  });
  await holding;
  return { submission };
}

/**
 * The import of batch `batchId` committed by the province's user as the import's worker runs it,
 * `tracker` told of its phases; `imported()` says whether it has ended.
 */
function committing(batchId: number, tracker: Tracker) {
  let done = false;
  const commit = commitBatch(s.t.db, { batchId, skipErrors: false }, s.users.province, async () => tracker).then(
    (r) => {
      done = true;
      return r;
    },
  );
  return { commit, imported: () => done };
}

/** Site records whose audit entry comes after that of Huyện Hải Lăng's submission of `year`. */
async function sitesAfterSubmission(year: number) {
  const [order] = await s.t.db.$queryRaw<{ later: number }[]>`
    SELECT count(*)::int AS later FROM audit_entry e
     WHERE e.entity = 'site' AND e.action = 'create'
       AND e.id > (SELECT id FROM audit_entry WHERE entity = 'approval' AND entity_id = ${`${HAI_LANG}/${year}`})`;
  return order?.later;
}

const sitesCsv = (prefix: string, n: number, date = "01/06/2018") =>
  Buffer.from(
    [
      "Loại mô hình;Tên điểm;Xã;Huyện;Ngày thành lập",
      ...Array.from({ length: n }, (_, i) => `${CLAN};${prefix} ${i + 1};${HAI_AN};${HAI_LANG};${date}`),
    ].join("\n"),
    "utf8",
  );

const preview = (bytes: Buffer) =>
  createBatch(s.t.db, { kind: "sites", fileName: "ds.csv", bytes }, s.users.province, "vi");

/** Live sites whose name starts with `prefix `, counted in SQL. */
const sitesNamed = async (prefix: string) =>
  (
    await s.t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM site WHERE name LIKE ${`${prefix} %`} AND deleted_at IS NULL`
  )[0]?.n;

describe("one file committed twice at the same moment", () => {
  it("two previews of the same CSV committed at once create every record once", async () => {
    const bytes = sitesCsv("Dòng họ Đua", 300);
    const [a, b] = [await preview(bytes), await preview(bytes)];
    expect([a.ready, b.ready]).toEqual([300, 300]);
    const api = s.caller(s.users.province).imports;
    const results = await Promise.all([
      api.commit({ batchId: a.batchId, skipErrors: true }),
      api.commit({ batchId: b.batchId, skipErrors: true }),
    ]);
    expect(await sitesNamed("Dòng họ Đua")).toBe(300);
    // One of them wrote the file, the other found every row a duplicate of it.
    expect(results.map((r) => r.created).sort((x, y) => x - y)).toEqual([0, 300]);
    expect(results.map((r) => r.skipped).sort((x, y) => x - y)).toEqual([0, 300]);
  });

  it("one preview committed twice at once: once, and the other is told so", async () => {
    const p = await preview(sitesCsv("Dòng họ Kép", 300));
    const api = s.caller(s.users.province).imports;
    const settled = await Promise.allSettled([
      api.commit({ batchId: p.batchId, skipErrors: true }),
      api.commit({ batchId: p.batchId, skipErrors: true }),
    ]);
    expect(settled.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = settled.find((r) => r.status === "rejected");
    await expectTrpcError(
      Promise.reject(lost?.reason),
      "CONFLICT",
      "Lần nhập này đã được ghi vào cơ sở dữ liệu, không ghi lại lần nữa.",
    );
    expect(await sitesNamed("Dòng họ Kép")).toBe(300);
  });
});

describe("a submission while records are being written in its unit-year", () => {
  it("waits for an import in progress in a never-submitted unit-year, and then submits what it wrote", async () => {
    const rows = 2500;
    const p = await preview(sitesCsv("Dòng họ Dài", rows, "01/06/2019"));
    expect(p.ready).toBe(rows);
    let writing!: () => void;
    const started = new Promise<void>((resolve) => {
      writing = resolve;
    });
    // Told when the second chunk of 1.000 records is about to be written: the first is in the table.
    const { commit, imported } = committing(p.batchId, {
      set: (phase, n) => phase === "writing" && n >= 1000 && writing(),
      end: () => {},
    });
    await started;
    // The submission waits for the import, or (if the import holds the unit-year longer than a
    // few seconds) is told to try again and changes nothing; it is never accepted mid-import.
    const submit = () => s.caller(s.users.province).approvals.submit({ unitCode: HAI_LANG, year: 2019 });
    const first = await submit().then(
      () => null,
      (err: unknown) => err,
    );
    if (first === null) {
      expect(imported(), "the submission was accepted while the import was still writing").toBe(true);
    } else {
      await expectTrpcError(Promise.reject(first), "CONFLICT", BUSY);
      expect(await approvalOf(s.t.db, HAI_LANG, 2019)).toMatchObject({ state: "draft", version: 0 });
    }
    expect(await commit).toEqual({ created: rows, skipped: 0 });
    if (first !== null) await submit();
    expect((await approvalOf(s.t.db, HAI_LANG, 2019)).state).toBe("submitted");
    // Every record the submission covers was written before it: its audit entry comes last.
    expect(await sitesAfterSubmission(2019)).toBe(0);
  }, 120_000);

  // Only PostgreSQL can hold a lock on one connection while another works. The import is held
  // between its lock check and its first record (its insert waits on the model type's row, which
  // nothing else here touches): the gap a submission used to slip through, landing before the
  // records it did not contain.
  it.runIf(inject("dbTemplates").kind === "postgresql")(
    "a submission cannot slip between an import's lock check and its first record",
    async () => {
      const p = await preview(sitesCsv("Dòng họ Khe", 50, "01/06/2021"));
      expect(p.ready).toBe(50);
      const clan = await s.t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" }, select: { id: true } });
      const signal = () => {
        let fire!: () => void;
        const fired = new Promise<void>((resolve) => {
          fire = resolve;
        });
        return { fire, fired };
      };
      const [held, release, writing] = [signal(), signal(), signal()];
      const holder = s.t.db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM model_type WHERE id = ${clan.id} FOR UPDATE`;
          held.fire();
          await release.fired;
        },
        { timeout: 30_000 },
      );
      await held.fired;
      const { commit, imported } = committing(p.batchId, {
        set: (phase) => phase === "writing" && writing.fire(),
        end: () => {},
      });
      await writing.fired;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const submit = s.caller(s.users.province).approvals.submit({ unitCode: HAI_LANG, year: 2021 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      release.fire();
      await holder;
      await submit;
      expect(imported(), "the submission was accepted while the import was writing").toBe(true);
      expect(await commit).toEqual({ created: 50, skipped: 0 });
      expect(await sitesAfterSubmission(2021)).toBe(0);
    },
  );

  it("an import committed while the unit-year is being submitted waits, then refuses its rows", async () => {
    const p = await preview(sitesCsv("Dòng họ Chờ", 20, "01/06/2020"));
    expect(p.ready).toBe(20);
    const id = await unitId(s.t.db, HAI_LANG);
    const { submission } = await submitting(id, 2020, (tx) =>
      tx.approval.create({ data: { unitId: id, year: 2020, state: "submitted", submittedAt: new Date() } }),
    );
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.province).imports.commit({ batchId: p.batchId, skipErrors: false }),
      "FORBIDDEN",
    );
    await submission;
    expect(await s.counts()).toEqual(before);
    expect(await sitesNamed("Dòng họ Chờ")).toBe(0);
  });

  it("a form's save in a returned unit-year being submitted waits, then is refused", async () => {
    await setApproval(s.t.db, XA_GIO_LINH, 2026, "draft");
    const id = await unitId(s.t.db, XA_GIO_LINH);
    const { submission } = await submitting(id, 2026, (tx) =>
      tx.approval.update({
        where: { unitId_year: { unitId: id, year: 2026 } },
        data: { state: "submitted", submittedAt: new Date(Date.UTC(2026, 5, 2)) },
      }),
    );
    const before = await s.counts();
    await expectTrpcError(
      s.caller(s.users.province).cameras.create({
        areaCode: XA_GIO_LINH,
        installedOn: "2026-03-01",
        cameras: 2,
        recorders: 1,
        memoryCards: 1,
        costVnd: 9_000_000,
        fundingSource: "state_budget",
      }),
      "FORBIDDEN",
      "Số liệu năm 2026 của Xã Gio Linh đã được gửi duyệt ngày 02/06/2026 và đang chờ phê duyệt — đề nghị lãnh đạo phê duyệt trả lại trước khi sửa.",
    );
    await submission;
    expect(await s.counts()).toEqual(before);
  });
});
