import { message } from "@qt/shared/messages/index";
import type { TPackageReceipt } from "@qt/shared/schemas/exchange";
import type { SessionUser } from "../../context.ts";
import { LOCK_SPACE, lockXact } from "../../db/xact-locks.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../audit/write.ts";
import { areaSelect, districtOf } from "../records/areas.ts";
import { createMany } from "../records/create-many.ts";
import type { AreaRef, DataOf, KindTypes, RecordKind } from "../records/kind.ts";
import { awardRow } from "../records/kinds/award.ts";
import { installationRow } from "../records/kinds/camera.ts";
import { RECORD_KINDS } from "../records/kinds/index.ts";
import { siteRow } from "../records/kinds/site.ts";
import { installedProvince, isNational, PROVINCE_CODES, provinceFromLists } from "../units/province.ts";
import type { ApprovalLine, AwardLine, CameraLine, Header, SiteLine } from "./format.ts";
import { verifyingKeys } from "./keys.ts";
import { PackageRefusal, readPackage } from "./read.ts";

/** An import of a large package holds its transaction as long as an import of a file may. */
const RECEIVE_TX = { maxWait: 20_000, timeout: 600_000 };

/** Today's provinces' names in both languages, by code, for the refusals. */
async function provinceNames(): Promise<Map<string, { vi: string; en: string }>> {
  const all = await Promise.all(PROVINCE_CODES.map((c) => provinceFromLists(c)));
  return new Map(all.map((p) => [p.code, { vi: p.name, en: p.nameEn }]));
}

/**
 * POST /api/exchange/packages (decision 052): checks a package whole (readPackage), then in one
 * transaction removes the records earlier packages of the same province brought for the years this
 * one covers, and writes this one's: sending a period twice never doubles a figure. Nothing is
 * written on a refusal; a refusal that is a security event (unsigned, a signature that does not
 * verify, an unregistered or another province's key) is audited.
 */
export async function receivePackage(db: Db, bytes: Buffer, user: SessionUser): Promise<TPackageReceipt> {
  const [keys, names] = await Promise.all([verifyingKeys(db), provinceNames()]);
  let read: ReturnType<typeof readPackage>;
  try {
    read = readPackage(bytes, keys, (code) => names.get(code) ?? { vi: code, en: code });
  } catch (err) {
    throw await refused(db, err, user);
  }
  const { header, lines } = read;
  await mayReceive(db, header);
  const approvals = lines.filter((l): l is ApprovalLine => l.t === "approval");
  const period = { from: String(header.fromYear), to: String(header.toYear) };
  if (approvals.length === 0) throw appError("invalid", "exchange.packageNothingApproved", period);
  const inPeriod = (y: number) => y >= header.fromYear && y <= header.toYear;
  if (approvals.some((a) => !inPeriod(a.year))) throw appError("invalid", "exchange.damaged");
  const records = lines.filter((l): l is SiteLine | CameraLine | AwardLine => l.t !== "approval" && l.t !== "end");
  if (records.some((r) => approvals[r.ap] === undefined)) throw appError("invalid", "exchange.damaged");
  const areas = await resolveAreas(db, records);
  const types = await resolveModelTypes(db, records);
  return db.$transaction(async (tx) => {
    // Two uploads of one province at once take turns: the second replaces the first.
    await lockXact(tx, LOCK_SPACE.exchangeProvince, [Number(header.provinceCode)]);
    const replaced = await removeReplaced(tx, header);
    const approvedUntil = approvals
      .map((a) => a.approvedAt)
      .sort()
      .at(-1);
    const pkg = await tx.exchangePackage.create({
      data: {
        provinceCode: header.provinceCode,
        fromYear: header.fromYear,
        toYear: header.toYear,
        sha256: read.sha256,
        formatVersion: header.formatVersion,
        productVersion: header.productVersion,
        madeAt: new Date(header.madeAt),
        importedById: user.id,
        importedBy: user.username,
        approvals: approvals.map((a) => ({
          unitCode: a.unit.code,
          unitName: a.unit.name,
          catalog: a.unit.catalog,
          year: a.year,
          approvedAt: a.approvedAt,
          approvedBy: a.approvedBy,
          isDemo: a.isDemo,
        })),
        approvedUntil: approvedUntil ? new Date(approvedUntil) : null,
        replaced,
      },
      select: { id: true },
    });
    const stamp = (r: SiteLine | CameraLine | AwardLine) => ({
      packageId: pkg.id,
      approvedAt: new Date((approvals[r.ap] as ApprovalLine).approvedAt),
      isDemo: r.isDemo,
      notes: r.notes,
    });
    const opts = { by: user, duplicates: "keep", allOrNothing: true, auditExtra: { packageId: pkg.id } } as const;
    // One kind's lines, as its factory row makes them (in their area, stamped), by the bulk write.
    const write = <L extends SiteLine | CameraLine | AwardLine, T extends KindTypes>(
      kind: RecordKind<T>,
      lines: L[],
      row: (line: L, stamped: ReturnType<typeof stamp>, area: AreaRef) => DataOf<T>,
    ) =>
      createMany(
        kind,
        tx,
        lines.map((l) => row(l, stamp(l), areas.ref(l))),
        opts,
      );
    const sites = records.filter((r): r is SiteLine => r.t === "site");
    const siteIds = await write(RECORD_KINDS.sites.kind, sites, (s, stamped, area) =>
      siteRow(area, {
        ...stamped,
        modelTypeId: types.get(s.modelType) as number,
        name: s.name,
        host: s.host,
        establishedOn: new Date(s.establishedOn),
        status: s.status,
        statusChangedOn: s.statusChangedOn ? new Date(s.statusChangedOn) : null,
        religion: s.religion,
        households: s.households,
        members: s.members,
      }),
    );
    const siteOf = new Map(sites.map((s, i) => [s.ref, siteIds.ids[i] ?? null]));
    const linked = (ref: number | null) => (ref === null ? null : (siteOf.get(ref) ?? null));
    const cameras = records.filter((r): r is CameraLine => r.t === "camera");
    await write(RECORD_KINDS.cameras.kind, cameras, (c, stamped, area) =>
      installationRow(area, {
        ...stamped,
        siteId: linked(c.site),
        installedOn: new Date(c.installedOn),
        cameras: c.cameras,
        recorders: c.recorders,
        memoryCards: c.memoryCards,
        costVnd: BigInt(c.costVnd),
        fundingSource: c.fundingSource,
      }),
    );
    const awards = records.filter((r): r is AwardLine => r.t === "award");
    await write(RECORD_KINDS.awards.kind, awards, (a, stamped, area) =>
      awardRow(area, {
        ...stamped,
        siteId: linked(a.site),
        year: a.year,
        issuer: a.issuer,
        form: a.form,
        recipientKind: a.recipientKind,
        recipientName: a.recipientName ?? message("exchange.hiddenRecipient"),
        decisionNumber: a.decisionNumber,
      }),
    );
    const counts = { sites: sites.length, cameras: cameras.length, awards: awards.length };
    await tx.exchangePackage.update({ where: { id: pkg.id }, data: counts });
    // An earlier package whose every year this one covers is replaced whole.
    await tx.exchangePackage.updateMany({
      where: {
        id: { in: replaced.map((r) => r.id) },
        fromYear: { gte: header.fromYear },
        toYear: { lte: header.toYear },
      },
      data: { replacedById: pkg.id },
    });
    await writeAudit(tx, {
      user,
      action: "receive_package",
      entity: "exchange_package",
      entityId: pkg.id,
      after: {
        provinceCode: header.provinceCode,
        fromYear: header.fromYear,
        toYear: header.toYear,
        sha256: read.sha256,
        productVersion: header.productVersion,
        madeAt: header.madeAt,
        approvals: approvals.length,
        ...counts,
        replaced,
      },
    });
    return {
      id: pkg.id,
      provinceCode: header.provinceCode,
      fromYear: header.fromYear,
      toYear: header.toYear,
      records: counts,
      replaced: replaced.map((r) => r.id),
    };
  }, RECEIVE_TX);
}

/** A refusal as the caller sees it, audited first when it is a security event. */
async function refused(db: Db, err: unknown, user: SessionUser): Promise<unknown> {
  if (!(err instanceof PackageRefusal) || !err.security) return err;
  await writeAudit(db, {
    user,
    action: "refuse_package",
    entity: "exchange_package",
    entityId: err.header ? `${err.header.provinceCode}/${err.header.fromYear}-${err.header.toYear}` : "?",
    after: { reason: err.key, sha256: err.sha256, provinceCode: err.header?.provinceCode ?? null },
  });
  return err;
}

/**
 * A province's install receives its own province's packages only (a test, or a second install);
 * the national install (PROVINCE=all) receives every province's.
 */
async function mayReceive(db: Db, header: Header) {
  const installed = await installedProvince(db);
  if (isNational(installed) || installed.code === header.provinceCode) return;
  const province = (await provinceNames()).get(header.provinceCode) ?? header.provinceCode;
  throw appError("invalid", "exchange.notThisInstall", {
    installed: { vi: installed.name, en: installed.nameEn },
    province,
  });
}

type Placed = { area: { catalog: "three_level" | "two_level"; code: string } };

/** The areas the records name, by list and code; a code this install lacks refuses the package. */
async function resolveAreas(db: Db, records: Placed[]) {
  const wanted = new Map(records.map((r) => [`${r.area.catalog}/${r.area.code}`, r.area]));
  const found = new Map<string, AreaRef>();
  for (const catalog of ["three_level", "two_level"] as const) {
    const codes = [...wanted.values()].filter((a) => a.catalog === catalog).map((a) => a.code);
    if (codes.length === 0) continue;
    const units = await db.adminUnit.findMany({ where: { catalog, code: { in: codes } }, select: areaSelect.select });
    for (const u of units)
      found.set(`${catalog}/${u.code}`, { id: u.id, name: u.name, districtName: districtOf(u).name });
  }
  const missing = [...wanted.keys()].filter((k) => !found.has(k));
  if (missing.length > 0)
    throw appError("invalid", "exchange.unknownUnits", {
      codes: missing
        .slice(0, 10)
        .map((k) => k.split("/")[1])
        .join(", "),
    });
  return { ref: (r: Placed) => found.get(`${r.area.catalog}/${r.area.code}`) as AreaRef };
}

async function resolveModelTypes(db: Db, records: (SiteLine | CameraLine | AwardLine)[]) {
  const codes = [...new Set(records.flatMap((r) => (r.t === "site" ? [r.modelType] : [])))];
  const types = await db.modelType.findMany({
    where: { code: { in: codes }, deletedAt: null },
    select: { id: true, code: true },
  });
  const byCode = new Map(types.map((t) => [t.code, t.id]));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length > 0)
    throw appError("invalid", "exchange.unknownModelTypes", { codes: missing.slice(0, 10).join(", ") });
  return byCode;
}

/**
 * Removes what earlier packages of the province brought for the years of this one (the new
 * package is the province's approved figures of those years now; a unit-year reopened since is
 * simply not in it). Links from other records to a removed site are cleared first.
 */
async function removeReplaced(tx: Prisma.TransactionClient, h: Header) {
  const earlier = await tx.exchangePackage.findMany({
    where: {
      provinceCode: h.provinceCode,
      replacedById: null,
      fromYear: { lte: h.toYear },
      toYear: { gte: h.fromYear },
    },
    select: { id: true, fromYear: true, toYear: true },
    orderBy: { id: "asc" },
  });
  if (earlier.length === 0) return [];
  const ids = earlier.map((p) => p.id);
  const years = Prisma.sql`BETWEEN ${h.fromYear} AND ${h.toYear}`;
  const gone = await tx.$queryRaw<{ id: number; package_id: number }[]>`
    SELECT id, package_id AS package_id FROM site
     WHERE package_id = ANY(${ids}::int[]) AND EXTRACT(YEAR FROM established_on)::int ${years}`;
  const siteIds = gone.map((s) => s.id);
  if (siteIds.length > 0) {
    await tx.$executeRaw`UPDATE camera_installation SET site_id = NULL WHERE site_id = ANY(${siteIds}::int[])`;
    await tx.$executeRaw`UPDATE award SET site_id = NULL WHERE site_id = ANY(${siteIds}::int[])`;
  }
  const removed = await tx.$queryRaw<{ package_id: number; n: number }[]>`
    WITH s AS (DELETE FROM site WHERE id = ANY(${siteIds}::int[]) RETURNING package_id),
         c AS (DELETE FROM camera_installation WHERE package_id = ANY(${ids}::int[])
                AND EXTRACT(YEAR FROM installed_on)::int ${years} RETURNING package_id),
         w AS (DELETE FROM award WHERE package_id = ANY(${ids}::int[]) AND year ${years}
                RETURNING package_id)
    SELECT package_id AS package_id, count(*)::int AS n
      FROM (SELECT * FROM s UNION ALL SELECT * FROM c UNION ALL SELECT * FROM w) x GROUP BY 1`;
  const n = new Map(removed.map((r) => [r.package_id, r.n]));
  return earlier.map((p) => ({ id: p.id, fromYear: p.fromYear, toYear: p.toYear, records: n.get(p.id) ?? 0 }));
}
