import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { backupToFile } from "../../server/services/backup/dump.ts";
import { restoreBackup } from "../../server/services/backup/restore.ts";
import { rebuildRollups, rollupDifferences } from "../../server/services/dashboard/rollups.ts";
import { removeAllDemo } from "../../server/services/demo/removal.ts";
import { entryFile } from "./helpers/entry.ts";

// The roll-ups (decision 046) are kept by triggers whoever writes: after random writes through the
// procedures, moves between units and years, soft and hard deletes, writes in plain SQL, a bulk
// write (the import's createMany, through the demo seed), a demo removal and a restore, the stored
// groups must equal a recount that this test writes in plain SQL itself.

const s = entryFile();
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qt-rollups-"));
}, 60_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A small deterministic generator (mulberry32): the same random writes on every run. */
function random(seedValue: number) {
  let a = seedValue;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

type Group = Record<string, string>;
/** What the roll-ups hold, and what the base tables say they should, each as sorted text rows. */
async function rollupsAndRecount() {
  const text = async (sql: string) =>
    (await s.t.db.$queryRawUnsafe<Group[]>(sql)).map((r) => Object.values(r).join("|"));
  return {
    stored: {
      sites: await text(`SELECT area_id, model_type_id, religion, year, is_demo, sites FROM site_rollup
        ORDER BY 1, 2, 3, 4, 5`),
      siteTotals: await text(`SELECT area_id, model_type_id, religion, is_demo, sites FROM site_rollup_total
        ORDER BY 1, 2, 3, 4`),
      cameras: await text(`SELECT area_id, year, is_demo, installations, cameras, recorders, memory_cards, cost_vnd
        FROM camera_rollup ORDER BY 1, 2, 3`),
    },
    recount: {
      sites: await text(`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion,
          date_part('year', established_on)::int AS y, is_demo, count(*)::int AS n
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
      siteTotals: await text(`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion, is_demo,
          count(*)::int AS n
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
      cameras: await text(`SELECT area_id, date_part('year', installed_on)::int AS y, is_demo, count(*)::int AS n,
          sum(cameras) AS c, sum(recorders) AS r, sum(memory_cards) AS m, sum(cost_vnd) AS v
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    },
  };
}

async function expectNoDifference() {
  const { stored, recount } = await rollupsAndRecount();
  expect(stored).toEqual(recount);
  expect(await rollupDifferences(s.t.db)).toEqual([]);
}

describe("roll-ups kept by the database", () => {
  it("equal a recount after random writes, moves, deletes, a bulk write, a demo removal and a restore", async () => {
    const r = random(46);
    const areas = (
      await s.t.db.$queryRawUnsafe<{ code: string; id: number }[]>(
        `SELECT code, id FROM admin_unit WHERE catalog = 'three_level' AND level = 'commune' ORDER BY code LIMIT 40`,
      )
    ).map((a) => a);
    const types = await s.t.db.modelType.findMany({ select: { id: true, category: true } });
    const religions = ["buddhism", "catholicism", "protestantism", "other"] as const;
    const day = () =>
      `${2008 + Math.floor(r.next() * 17)}-${String(1 + Math.floor(r.next() * 12)).padStart(2, "0")}-${String(
        1 + Math.floor(r.next() * 28),
      ).padStart(2, "0")}`;
    const editor = s.caller(s.users.province);
    const admin = s.caller(s.users.admin);

    await seed(s.t.db, { demo: true }); // the bulk write (createMany, as an import commits)
    await expectNoDifference();

    const sites: { id: number; version: number }[] = [];
    const cams: { id: number; version: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const type = r.pick(types);
      const site = await editor.sites.create({
        modelTypeId: type.id,
        areaCode: r.pick(areas).code,
        name: `Điểm ${i}`,
        establishedOn: day(),
        ...(type.category === "religious" ? { religion: r.pick(religions) } : {}),
      });
      sites.push({ id: site.id, version: site.version });
      const cam = await editor.cameras.create({
        areaCode: r.pick(areas).code,
        installedOn: day(),
        cameras: 1 + Math.floor(r.next() * 9),
        recorders: Math.floor(r.next() * 3),
        memoryCards: Math.floor(r.next() * 4),
        costVnd: Math.floor(r.next() * 50) * 1_000_000,
        fundingSource: "mixed",
      });
      cams.push({ id: cam.id, version: cam.version });
    }
    for (let i = 0; i < 40; i++) {
      const what = r.next();
      const site = r.pick(sites);
      const cam = r.pick(cams);
      if (what < 0.3) {
        // A move to another unit and year, and a change of equipment.
        const saved = await editor.sites
          .update({ id: site.id, version: site.version, areaCode: r.pick(areas).code, establishedOn: day() })
          .catch(() => null); // a deleted one is not found: fine, the next writes go on
        if (saved) site.version = saved.version;
        const c = await editor.cameras
          .update({ id: cam.id, version: cam.version, installedOn: day(), cameras: 1 + Math.floor(r.next() * 9) })
          .catch(() => null);
        if (c) cam.version = c.version;
      } else if (what < 0.5) {
        const gone = await editor.sites
          .remove({ id: site.id, version: site.version, reason: "nhập nhầm" })
          .catch(() => null);
        if (gone) site.version = gone.version;
        const c = await editor.cameras
          .remove({ id: cam.id, version: cam.version, reason: "nhập nhầm" })
          .catch(() => null);
        if (c) cam.version = c.version;
      } else if (what < 0.6) {
        const back = await admin.sites.restore({ id: site.id }).catch(() => null);
        if (back) site.version = back.version;
      } else if (what < 0.8) {
        // A psql session: moves of many rows at once, a type change, a demo flag.
        const area = r.pick(areas).id;
        await s.t.db.$executeRawUnsafe(
          `UPDATE site SET area_id = $1, model_type_id = $2, established_on = established_on + 400, version = version + 1
            WHERE id % 7 = $3`,
          area,
          r.pick(types).id,
          Math.floor(r.next() * 7),
        );
        await s.t.db.$executeRawUnsafe(
          `UPDATE camera_installation SET area_id = $1, cost_vnd = cost_vnd + 1,
            is_demo = CASE WHEN site_id IS NULL THEN NOT is_demo ELSE is_demo END, version = version + 1
            WHERE id % 5 = $2`,
          area,
          Math.floor(r.next() * 5),
        );
        site.version = (await s.t.db.site.findUniqueOrThrow({ where: { id: site.id } })).version;
        cam.version = (await s.t.db.cameraInstallation.findUnique({ where: { id: cam.id } }))?.version ?? cam.version;
      } else {
        // A hard delete in plain SQL (an award may point at the site: installations only).
        await s.t.db.$executeRawUnsafe(`DELETE FROM camera_installation WHERE id = $1`, cam.id);
      }
    }
    await expectNoDifference();

    // A restore loads rows with the triggers off: the roll-ups must follow the restored rows, not
    // keep what was written after the backup.
    const file = path.join(dir, "before.jsonl.gz");
    await backupToFile(s.t.db, s.t.kind, file);
    await s.t.db.$executeRawUnsafe(`UPDATE site SET deleted_at = now() WHERE id % 3 = 0`);
    await s.t.db.$executeRawUnsafe(`DELETE FROM site_rollup WHERE year % 2 = 0`); // a tampered copy too
    await s.t.db.$executeRawUnsafe(`UPDATE site_rollup_total SET sites = sites + 1`);
    await restoreBackup(s.t.db, file);
    await expectNoDifference();

    await removeAllDemo(s.t.db, s.users.admin);
    await expectNoDifference();
    expect((await rollupsAndRecount()).recount.sites.length).toBeGreaterThan(10);
  }, 240_000);

  it("reports a group that differs from the recount, and a rebuild mends it", async () => {
    await s.t.db.$executeRawUnsafe(
      `UPDATE site_rollup SET sites = sites + 2 WHERE (area_id, model_type_id) = (SELECT area_id, model_type_id FROM site_rollup LIMIT 1)`,
    );
    await s.t.db.$executeRawUnsafe(
      `INSERT INTO camera_rollup (area_id, year, is_demo, installations) VALUES (1, 1990, false, 1)`,
    );
    await s.t.db.$executeRawUnsafe(
      `INSERT INTO site_rollup_total (area_id, model_type_id, is_demo, sites) VALUES (1, 1, true, 3)`,
    );
    const differences = await rollupDifferences(s.t.db);
    expect(differences.map((d) => d.table).sort()).toEqual(
      ["camera_rollup", "site_rollup_total", ...Array(differences.length - 2).fill("site_rollup")].sort(),
    );
    expect(differences.find((d) => d.table === "site_rollup_total")).toMatchObject({
      group: "area 1, model type 1, all years, demo",
      stored: "3",
      recounted: "(none)",
    });
    expect(differences.find((d) => d.table === "camera_rollup")).toMatchObject({
      group: "area 1, 1990, real",
      stored: "1 0 0 0 0",
      recounted: "(none)",
    });
    await rebuildRollups(s.t.db);
    await expectNoDifference();
  });
});
