import { createHash, sign } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { TExchangePeriod } from "@qt/shared/schemas/exchange";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { productVersion } from "../../version.ts";
import { writeAudit } from "../audit/write.ts";
import { approvalUnitOfArea } from "../units/area-sql.ts";
import { installedProvince } from "../units/province.ts";
import {
  ALGORITHM,
  type ApprovalLine,
  type AwardLine,
  type CameraLine,
  FORMAT,
  FORMAT_VERSION,
  type Header,
  type SiteLine,
} from "./format.ts";
import { signingKey } from "./keys.ts";

type ApprovalRow = ApprovalLine & { id: number };

/** The approved unit-years of the period, oldest year first, then by unit (the package's order). */
async function approvedUnitYears(db: Db, p: TExchangePeriod): Promise<ApprovalRow[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      catalog: "three_level" | "two_level";
      code: string;
      name: string;
      year: number;
      approved_at: Date;
      approved_by: string | null;
      submitted_at: Date | null;
      submitted_by: string | null;
      is_demo: boolean;
    }[]
  >`SELECT ap.id, u.catalog::text AS catalog, u.code, u.name, ap.year, ap.approved_at, au.display_name AS approved_by,
           ap.submitted_at, su.display_name AS submitted_by, ap.is_demo
      FROM approval ap JOIN admin_unit u ON u.id = ap.unit_id
      LEFT JOIN app_user au ON au.id = ap.approved_by_id LEFT JOIN app_user su ON su.id = ap.submitted_by_id
     WHERE ap.state = 'approved' AND ap.year BETWEEN ${p.fromYear} AND ${p.toYear}
     ORDER BY ap.year, u.catalog, u.code`;
  return rows.map((r) => ({
    id: r.id,
    t: "approval",
    unit: { catalog: r.catalog, code: r.code, name: r.name },
    year: r.year,
    approvedAt: (r.approved_at ?? new Date(0)).toISOString(),
    approvedBy: r.approved_by,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    submittedBy: r.submitted_by,
    isDemo: r.is_demo,
  }));
}

/** Rows per query: the package streams, so a long period never sits in memory at once. */
const PAGE = 2000;

/** The live records of approved unit-years of the period, page by page in id order. */
async function* pages<R extends { id: number }>(read: (after: number) => Promise<R[]>): AsyncGenerator<R> {
  let after = 0;
  for (;;) {
    const rows = await read(after);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    after = (rows.at(-1) as R).id;
  }
}

/** SQL: the approved unit-year (`ap`) a record of area `a` and year `year` lies in, within the period. */
const approvedIn = (p: TExchangePeriod, year: Prisma.Sql) => Prisma.sql`JOIN approval ap
  ON ap.unit_id = ${approvalUnitOfArea} AND ap.year = ${year} AND ap.state = 'approved'
  AND ap.year BETWEEN ${p.fromYear} AND ${p.toYear}`;

type Base = {
  id: number;
  ap: number;
  catalog: "three_level" | "two_level";
  code: string;
  notes: string;
  is_demo: boolean;
};

/**
 * A reader of one kind's live records in the period's approved unit-years, page by page after an
 * id: the base columns (id, approval, area, notes, demo) of `alias`, then the kind's `columns`.
 */
const recordRows =
  <R>(from: Prisma.Sql, alias: string, year: Prisma.Sql, columns: Prisma.Sql) =>
  (db: Db, p: TExchangePeriod) =>
  (after: number) => {
    const r = Prisma.raw(alias);
    return db.$queryRaw<(Base & R)[]>`SELECT ${r}.id, ap.id AS ap, a.catalog::text AS catalog, a.code, ${r}.notes,
           ${r}.is_demo, ${columns}
      FROM ${from} ${approvedIn(p, year)}
     WHERE ${r}.deleted_at IS NULL AND ${r}.id > ${after} ORDER BY ${r}.id LIMIT ${PAGE}`;
  };

/** A kind's own fields of its package line: what follows the record base, selected under the line's names. */
type Own<L> = Omit<L, "t" | "ref" | "ap" | "area" | "notes" | "isDemo">;

const siteRows = recordRows<Own<SiteLine>>(
  Prisma.sql`site s JOIN admin_unit a ON a.id = s.area_id JOIN model_type mt ON mt.id = s.model_type_id`,
  "s",
  Prisma.sql`EXTRACT(YEAR FROM s.established_on)::int`,
  Prisma.sql`mt.code AS "modelType", s.name, s.host, to_char(s.established_on, 'YYYY-MM-DD') AS "establishedOn",
    s.status::text AS status, to_char(s.status_changed_on, 'YYYY-MM-DD') AS "statusChangedOn",
    s.religion::text AS religion, s.households, s.members`,
);

const cameraRows = recordRows<Own<CameraLine>>(
  Prisma.sql`camera_installation ci JOIN admin_unit a ON a.id = ci.area_id`,
  "ci",
  Prisma.sql`EXTRACT(YEAR FROM ci.installed_on)::int`,
  Prisma.sql`ci.site_id AS site, to_char(ci.installed_on, 'YYYY-MM-DD') AS "installedOn", ci.cameras, ci.recorders,
    ci.memory_cards AS "memoryCards", ci.cost_vnd::text AS "costVnd", ci.funding_source::text AS "fundingSource"`,
);

// A person's name never leaves the install (the ministry needs counts, not people): only a
// collective's name is read.
const awardRows = recordRows<Own<AwardLine>>(
  Prisma.sql`award aw JOIN admin_unit a ON a.id = aw.area_id`,
  "aw",
  Prisma.sql`aw.year`,
  Prisma.sql`aw.site_id AS site, aw.year, aw.issuer::text AS issuer, aw.form::text AS form,
    aw.recipient_kind::text AS "recipientKind",
    CASE WHEN aw.recipient_kind = 'collective' THEN aw.recipient_name END AS "recipientName",
    aw.decision_number AS "decisionNumber"`,
);

/**
 * The signed package of the approved unit-years of a period (decision 052), as a gzip stream.
 * Refused (400) when nothing of the period is approved: a package of drafts is never made. The
 * making is audited (who sent which period up).
 */
export async function makePackage(
  db: Db,
  period: TExchangePeriod,
  by: { id: number; username: string } | null,
  now = new Date(),
): Promise<{ stream: Readable; fileName: string }> {
  const approvals = await approvedUnitYears(db, period);
  if (approvals.length === 0)
    throw appError("invalid", "exchange.nothingApproved", { from: String(period.fromYear), to: String(period.toYear) });
  const [key, province] = await Promise.all([signingKey(db), installedProvince(db)]);
  const header: Header = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    provinceCode: province.code,
    provinceName: province.name,
    fromYear: period.fromYear,
    toYear: period.toYear,
    productVersion,
    madeAt: now.toISOString(),
  };
  const entityId = `${province.code}/${period.fromYear}-${period.toYear}`;
  await writeAudit(db, {
    user: by,
    action: "export",
    entity: "exchange_package",
    entityId,
    after: { ...header, approvals: approvals.length },
  });
  const index = new Map(approvals.map((a, i) => [a.id, i]));
  async function* lines(): AsyncGenerator<string> {
    const hash = createHash("sha256");
    const line = (value: object) => {
      const text = `${JSON.stringify(value)}\n`;
      hash.update(text);
      return text;
    };
    const count = { approvals: approvals.length, sites: 0, cameras: 0, awards: 0 };
    yield line(header);
    for (const { id: _, ...a } of approvals) yield line(a);
    // Each kind's records, counted for the end line: the record base, then the kind's own fields.
    async function* kind<L extends SiteLine | CameraLine | AwardLine>(
      t: L["t"],
      read: (after: number) => Promise<(Base & Own<L>)[]>,
    ) {
      for await (const { id, ap, catalog, code, notes, is_demo, ...own } of pages(read)) {
        count[`${t}s`]++;
        yield line({
          t,
          ref: id,
          ap: index.get(ap) as number,
          area: { catalog, code },
          notes,
          isDemo: is_demo,
          ...own,
        });
      }
    }
    yield* kind("site", siteRows(db, period));
    yield* kind("camera", cameraRows(db, period));
    yield* kind("award", awardRows(db, period));
    yield line({ t: "end", ...count });
    const signature = sign(null, hash.digest(), key).toString("base64");
    yield `${JSON.stringify({ signature: { algorithm: ALGORITHM, value: signature } })}\n`;
  }
  // A failure half-way (the database gone) ends the download with an error, never a file that
  // looks whole: the receiver would refuse it anyway (no signature line).
  const gzip = createGzip();
  pipeline(Readable.from(lines()), gzip, (err) => {
    if (err) gzip.destroy(err);
  });
  return {
    stream: gzip,
    fileName: `goi-so-lieu-${province.code}-${period.fromYear}-${period.toYear}.jsonl.gz`,
  };
}
