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
import { expectFiguresEqualRecount } from "./helpers/rollup-figures.ts";

// The roll-ups (decision 046) are kept by triggers whoever writes: after random writes through the
// procedures, moves between units and years, soft and hard deletes, writes in plain SQL, a bulk
// write (the import's createMany, through the demo seed), a demo removal and a restore, the stored
// groups must equal a recount that this test writes in plain SQL itself; and the figures that read
// them (decision 058: awards, yearly, areas, a model type, communities) equal a plain SQL recount.

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
      sites: await text(`SELECT area_id, model_type_id, religion, year, is_demo, current_unit_id, sites
        FROM site_rollup ORDER BY 1, 2, 3, 4, 5, 6`),
      siteTotals: await text(`SELECT area_id, model_type_id, religion, is_demo, current_unit_id, sites
        FROM site_rollup_total ORDER BY 1, 2, 3, 4, 5`),
      cameras: await text(`SELECT area_id, year, is_demo, installations, cameras, recorders, memory_cards, cost_vnd
        FROM camera_rollup ORDER BY 1, 2, 3`),
      awards: await text(`SELECT area_id, year, issuer, form, recipient_kind, is_demo, current_unit_id, awards
        FROM award_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7`),
      people: await text(`SELECT area_id, model_type_id, year, is_demo, current_unit_id, households, members,
          with_households, with_members FROM site_people_rollup ORDER BY 1, 2, 3, 4, 5`),
      funding: await text(`SELECT area_id, year, is_demo, current_unit_id, funding_source, installations, cameras,
          cost_vnd FROM camera_funding_rollup ORDER BY 1, 2, 3, 4, 5`),
    },
    recount: {
      sites: await text(`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion,
          date_part('year', established_on)::int AS y, is_demo, coalesce(current_unit_id, 0) AS u, count(*)::int AS n
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`),
      siteTotals: await text(`SELECT area_id, model_type_id, coalesce(religion::text, '') AS religion, is_demo,
          coalesce(current_unit_id, 0) AS u, count(*)::int AS n
        FROM site WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
      cameras: await text(`SELECT area_id, date_part('year', installed_on)::int AS y, is_demo, count(*)::int AS n,
          sum(cameras) AS c, sum(recorders) AS r, sum(memory_cards) AS m, sum(cost_vnd) AS v
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      awards: await text(`SELECT coalesce(area_id, 0) AS a, year, issuer::text AS i, form::text AS f,
          recipient_kind::text AS k, is_demo, coalesce(current_unit_id, 0) AS u, count(*)::int AS n
        FROM award WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`),
      people: await text(`SELECT area_id, model_type_id, date_part('year', established_on)::int AS y, is_demo,
          coalesce(current_unit_id, 0) AS u, coalesce(sum(households), 0) AS h, coalesce(sum(members), 0) AS m,
          count(households)::int AS hn, count(members)::int AS mn
        FROM site WHERE deleted_at IS NULL AND (households IS NOT NULL OR members IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
      funding: await text(`SELECT area_id, date_part('year', installed_on)::int AS y, is_demo,
          coalesce(current_unit_id, 0) AS u, funding_source::text AS f, count(*)::int AS n, sum(cameras) AS c,
          sum(cost_vnd) AS v
        FROM camera_installation WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
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
    const awards: { id: number; version: number }[] = [];
    const maybe = () => (r.next() < 0.5 ? Math.floor(r.next() * 80) : undefined);
    for (let i = 0; i < 20; i++) {
      const type = r.pick(types);
      const site = await editor.sites.create({
        modelTypeId: type.id,
        areaCode: r.pick(areas).code,
        name: `Điểm ${i}`,
        establishedOn: day(),
        households: maybe(),
        members: maybe(),
        ...(type.category === "religious" ? { religion: r.pick(religions) } : {}),
      });
      const award = await editor.awards.create({
        year: 2008 + Math.floor(r.next() * 17),
        issuer: r.pick(["provincial_committee", "provincial_police", "ministry"] as const),
        form: r.pick(["certificate_of_merit", "certificate"] as const),
        recipientKind: r.pick(["collective", "individual"] as const),
        recipientName: `Tập thể ${i}`,
        areaCode: r.next() < 0.2 ? null : r.pick(areas).code,
      });
      awards.push({ id: award.id, version: award.version });
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
      const award = r.pick(awards);
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
        const a = await editor.awards
          .update({ id: award.id, version: award.version, year: 2008 + Math.floor(r.next() * 17) })
          .catch(() => null);
        if (a) award.version = a.version;
        const people = await editor.sites
          .update({ id: site.id, version: site.version, households: maybe() ?? null, members: maybe() ?? null })
          .catch(() => null);
        if (people) site.version = people.version;
      } else if (what < 0.5) {
        const gone = await editor.sites
          .remove({ id: site.id, version: site.version, reason: "nhập nhầm" })
          .catch(() => null);
        if (gone) site.version = gone.version;
        const c = await editor.cameras
          .remove({ id: cam.id, version: cam.version, reason: "nhập nhầm" })
          .catch(() => null);
        if (c) cam.version = c.version;
        const a = await editor.awards
          .remove({ id: award.id, version: award.version, reason: "nhập nhầm" })
          .catch(() => null);
        if (a) award.version = a.version;
      } else if (what < 0.6) {
        const back = await admin.sites.restore({ id: site.id }).catch(() => null);
        if (back) site.version = back.version;
        const a = await admin.awards.restore({ id: award.id }).catch(() => null);
        if (a) award.version = a.version;
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
        // Awards and sites of old communes counted in a commune of today an editor chose (055),
        // awards moved to another unit, year or demo flag, households recorded.
        const today = Math.floor(r.next() * 30);
        await s.t.db.$executeRawUnsafe(
          `UPDATE site SET current_unit_id = CASE WHEN current_unit_id IS NULL THEN (SELECT id FROM admin_unit
              WHERE catalog = 'two_level' AND level = 'commune' ORDER BY id OFFSET $1 LIMIT 1) END,
            households = CASE WHEN households IS NULL THEN id % 50 END, version = version + 1
            WHERE id % 9 = $2 AND area_id IN (SELECT id FROM admin_unit WHERE catalog = 'three_level')`,
          today,
          Math.floor(r.next() * 9),
        );
        await s.t.db.$executeRawUnsafe(
          `UPDATE award SET area_id = $1, year = year + 1, is_demo = NOT is_demo, current_unit_id = (SELECT id
              FROM admin_unit WHERE catalog = 'two_level' AND level = 'commune' ORDER BY id OFFSET $2 LIMIT 1),
            version = version + 1 WHERE id % 4 = $3`,
          area,
          today,
          Math.floor(r.next() * 4),
        );
        site.version = (await s.t.db.site.findUniqueOrThrow({ where: { id: site.id } })).version;
        award.version = (await s.t.db.award.findUnique({ where: { id: award.id } }))?.version ?? award.version;
        cam.version = (await s.t.db.cameraInstallation.findUnique({ where: { id: cam.id } }))?.version ?? cam.version;
      } else {
        // A hard delete in plain SQL (an award may point at the site: installations only).
        await s.t.db.$executeRawUnsafe(`DELETE FROM camera_installation WHERE id = $1`, cam.id);
        await s.t.db.$executeRawUnsafe(`DELETE FROM award WHERE id = $1`, award.id);
      }
    }
    await expectNoDifference();
    await expectFiguresEqualRecount(s.t.db);

    // A restore loads rows with the triggers off: the roll-ups must follow the restored rows, not
    // keep what was written after the backup.
    const file = path.join(dir, "before.jsonl.gz");
    await backupToFile(s.t.db, s.t.kind, file);
    await s.t.db.$executeRawUnsafe(`UPDATE site SET deleted_at = now() WHERE id % 3 = 0`);
    await s.t.db.$executeRawUnsafe(`DELETE FROM site_rollup WHERE year % 2 = 0`); // a tampered copy too
    await s.t.db.$executeRawUnsafe(`UPDATE site_rollup_total SET sites = sites + 1`);
    await s.t.db.$executeRawUnsafe(`DELETE FROM award_rollup WHERE year % 2 = 0`);
    await s.t.db.$executeRawUnsafe(`UPDATE site_people_rollup SET households = households + 1`);
    await restoreBackup(s.t.db, file);
    await expectNoDifference();
    await expectFiguresEqualRecount(s.t.db);

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
    await s.t.db.$executeRawUnsafe(
      `INSERT INTO award_rollup (area_id, year, issuer, form, recipient_kind, is_demo, awards)
        VALUES (0, 1991, 'ministry', 'certificate_of_merit', 'collective', false, 2)`,
    );
    await s.t.db.$executeRawUnsafe(
      `INSERT INTO site_people_rollup (area_id, model_type_id, year, is_demo, households, with_households)
        VALUES (1, 1, 1992, false, 40, 1)`,
    );
    await s.t.db.$executeRawUnsafe(
      `INSERT INTO camera_funding_rollup (area_id, year, is_demo, funding_source, installations, cameras)
        VALUES (1, 1993, false, 'mixed', 1, 4)`,
    );
    const differences = await rollupDifferences(s.t.db);
    expect(differences.map((d) => d.table).sort()).toEqual(
      [
        "award_rollup",
        "camera_funding_rollup",
        "camera_rollup",
        "site_people_rollup",
        "site_rollup_total",
        ...Array(differences.length - 5).fill("site_rollup"),
      ].sort(),
    );
    expect(differences.find((d) => d.table === "award_rollup")).toMatchObject({
      group: "1991, ministry, certificate_of_merit, collective, real",
      stored: "2",
      recounted: "(none)",
    });
    expect(differences.find((d) => d.table === "site_people_rollup")).toMatchObject({
      group: "area 1, model type 1, 1992, real",
      stored: "40 0 1 0",
      recounted: "(none)",
    });
    expect(differences.find((d) => d.table === "site_rollup_total")).toMatchObject({
      group: "area 1, model type 1, all years, demo",
      stored: "3",
      recounted: "(none)",
    });
    expect(differences.find((d) => d.table === "camera_funding_rollup")).toMatchObject({
      group: "area 1, 1993, mixed, real",
      stored: "1 4 0",
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
