import type { TDemoStatus } from "@qt/shared/schemas/demo";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { type Tx, writeAudit } from "../audit/write.ts";
import { resolveFilter } from "../dashboard/filter.ts";
import { demoCountsOf } from "./counts.ts";

/** app_setting key: the demo records were removed; the seed never loads them again (decision 023). */
const DEMO_REMOVED = "demo_removed";
/** notice_dismissal.notice of the admins' notice about demo data. */
const DEMO_NOTICE = "demo-data";

export async function demoRemoved(db: Db | Tx): Promise<boolean> {
  return (await db.appSetting.count({ where: { key: DEMO_REMOVED } })) > 0;
}

type Counts = TDemoStatus["records"];
type Dependents = TDemoStatus["dependents"];

/** Demo rows of every kind, deleted ones included: removal takes them all. */
async function countDemo(tx: Db | Tx): Promise<Counts> {
  const [sites, installations, awards, modelTypes] = await Promise.all([
    tx.site.count({ where: { isDemo: true } }),
    tx.cameraInstallation.count({ where: { isDemo: true } }),
    tx.award.count({ where: { isDemo: true } }),
    tx.modelType.count({ where: { isDemo: true } }),
  ]);
  return { sites, installations, awards, modelTypes };
}

/**
 * Real records that would lose what they point at: a real award or camera installation linked to a
 * demo site, a real site of a demo-only model type. Removed records count too: they can be restored.
 */
async function countDependents(tx: Db | Tx): Promise<Dependents> {
  const [awards, installations, sites] = await Promise.all([
    tx.award.count({ where: { isDemo: false, site: { isDemo: true } } }),
    tx.cameraInstallation.count({ where: { isDemo: false, site: { isDemo: true } } }),
    tx.site.count({ where: { isDemo: false, modelType: { isDemo: true } } }),
  ]);
  return { awards, installations, sites };
}

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/** What the admins' notice and the confirmation dialog say: the counts, and whether removal is possible. */
export async function demoStatus(db: Db, user: SessionUser): Promise<TDemoStatus> {
  const [records, dependents, dismissed, inFigures] = await Promise.all([
    countDemo(db),
    countDependents(db),
    db.noticeDismissal.count({ where: { userId: user.id, notice: DEMO_NOTICE } }),
    resolveFilter(db, {}).then((f) => demoCountsOf(db, f)),
  ]);
  return {
    records,
    inFigures: { records: total(inFigures), ...inFigures },
    dependents,
    removed: await demoRemoved(db),
    noticeDismissed: dismissed > 0,
  };
}

export async function dismissDemoNotice(db: Db, user: SessionUser): Promise<void> {
  await db.noticeDismissal.upsert({
    where: { userId_notice: { userId: user.id, notice: DEMO_NOTICE } },
    create: { userId: user.id, notice: DEMO_NOTICE },
    update: {},
  });
}

/**
 * Deletes every demo row in one transaction, with one audit entry carrying the counts, and marks
 * the database so the seed never loads demo data again. The demo sites are locked first, so a real
 * record cannot be linked to one between the check and the delete. Refused (CONFLICT, nothing
 * changed) while real records depend on demo ones.
 */
export async function removeAllDemo(db: Db, user: SessionUser): Promise<Counts> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM site WHERE is_demo FOR UPDATE`;
    const dependents = await countDependents(tx);
    if (total(dependents) > 0) {
      throw appError("conflict", "demo.dependents", {
        awards: dependents.awards,
        installations: dependents.installations,
        sites: dependents.sites,
      });
    }
    const removed = await countDemo(tx);
    // Demo approvals go with the records they approve (decision 025): a real unit-year is open again.
    await tx.approval.deleteMany({ where: { isDemo: true } });
    await tx.award.deleteMany({ where: { isDemo: true } });
    await tx.cameraInstallation.deleteMany({ where: { isDemo: true } });
    await tx.site.deleteMany({ where: { isDemo: true } });
    await tx.modelType.deleteMany({ where: { isDemo: true } });
    await tx.appSetting.upsert({
      where: { key: DEMO_REMOVED },
      create: { key: DEMO_REMOVED, value: { at: new Date().toISOString(), by: user.username } },
      update: {},
    });
    await writeAudit(tx, { user, action: "remove", entity: "demo_data", entityId: "all", after: removed });
    return removed;
  });
}
