import type { Db } from "../../server/db.ts";
import type { Prisma } from "../../server/generated/prisma/client.ts";
import { BULK_TX } from "../../server/services/imports/commit.ts";
import { createMany } from "../../server/services/records/create-many.ts";
import { awardKind } from "../../server/services/records/kinds/award.ts";
import { cameraKind } from "../../server/services/records/kinds/camera.ts";
import { siteKind } from "../../server/services/records/kinds/site.ts";
import type { AreaRef, seededRandom } from "./factories.ts";

/** What the parts of the demo data share: names of people and clans, dates, the model-type ids. */

type Random = ReturnType<typeof seededRandom>;

/** An area with the first and last day a record in it may carry. */
export type ValidArea = AreaRef & { from: Date; to: Date };

export const SURNAMES = [
  "Nguyễn",
  "Lê",
  "Trần",
  "Phạm",
  "Hoàng",
  "Võ",
  "Phan",
  "Hồ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Dương",
  "Lương",
  "Trương",
  "Mai",
  "Hà",
  "Đoàn",
  "Thái",
  "Cái",
  "Lê Văn",
  "Hồ Sỹ",
  "Nguyễn Đăng",
  "Trần Hữu",
];
export const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc"];
export const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hải",
  "Hùng",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Phong",
  "Quý",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trung",
  "Tuấn",
  "Vinh",
  "Yến",
];

/** "Xã Hải An" → "Hải An"; keeps "Phường 1" as is. */
export const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Huyện|Thị xã|Thành phố) (?=\D)/, "");

export const clanName = (r: Random) => `Dòng họ ${r.pick(SURNAMES)}`;

const DAY = 86_400_000;

/** A day in [from, to] (UTC midnights), drawn from `r`. */
export function dayIn(r: Random, from: Date, to: Date): Date {
  const days = Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY));
  return new Date(from.getTime() + r.int(0, days) * DAY);
}

/** Model-type id by code; a missing code means the reference seed did not run. */
export async function modelTypeIds(db: Db): Promise<(code: string) => number> {
  const types = new Map((await db.modelType.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]));
  return (code) => {
    const id = types.get(code);
    if (id === undefined) throw new Error(`Model type ${code} missing: run the reference seed first`);
    return id;
  };
}

/** "Xã Gio Linh" → "Công an xã Gio Linh": the commune police station of an area. */
export const policeOf = (areaName: string) =>
  `Công an ${areaName.replace(/^(Xã|Phường|Thị trấn|Đặc khu)/, (w) => w.toLowerCase())}`;

/**
 * Writes one part's rows in one transaction through the lifecycle's bulk write, as the system
 * (audited, by nobody): a row in a unit-year a leader submitted or approved is left out, never
 * forced in; the draws may repeat a duplicate key, which is kept, as a form keeps it with a
 * warning. Then links each demo installation still without a site to its area's demo camera site.
 */
export async function saveDemoRows(
  db: Db,
  rows: {
    sites: Prisma.SiteCreateManyInput[];
    installations: Prisma.CameraInstallationCreateManyInput[];
    awards: Prisma.AwardCreateManyInput[];
  },
): Promise<void> {
  const opts = { by: "system", duplicates: "keep", allOrNothing: false } as const;
  await db.$transaction(async (tx) => {
    await createMany(siteKind, tx, rows.sites, opts);
    await createMany(cameraKind, tx, rows.installations, opts);
    await createMany(awardKind, tx, rows.awards, opts);
    await tx.$executeRaw`UPDATE camera_installation ci SET site_id = s.id FROM site s JOIN model_type mt ON mt.id = s.model_type_id
    WHERE mt.code = 'security-camera' AND s.area_id = ci.area_id AND ci.site_id IS NULL AND ci.is_demo AND s.is_demo`;
  }, BULK_TX);
}
