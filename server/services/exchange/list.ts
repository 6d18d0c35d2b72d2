import type { TExchangeSource, TReceivedPackage } from "@qt/shared/schemas/exchange";
import type { Db } from "../../db.ts";
import { provinceFromLists } from "../units/province.ts";

type Replaced = TReceivedPackage["replaced"];

const nameOf = async (code: string) => {
  try {
    return (await provinceFromLists(code)).name;
  } catch {
    return code;
  }
};

/** exchange.packages: every package received, newest first, with what it replaced and by what. */
export async function receivedPackages(db: Db): Promise<TReceivedPackage[]> {
  const rows = await db.exchangePackage.findMany({
    orderBy: { id: "desc" },
    take: 500,
    omit: { approvals: true },
  });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      provinceCode: r.provinceCode,
      provinceName: await nameOf(r.provinceCode),
      fromYear: r.fromYear,
      toYear: r.toYear,
      sha256: r.sha256,
      productVersion: r.productVersion,
      madeAt: r.madeAt.toISOString(),
      importedAt: r.importedAt.toISOString(),
      importedBy: r.importedBy,
      sites: r.sites,
      cameras: r.cameras,
      awards: r.awards,
      approvedUntil: r.approvedUntil?.toISOString() ?? null,
      replaced: r.replaced as Replaced,
      replacedById: r.replacedById,
    })),
  );
}

/**
 * exchange.sources: the packages in force (not replaced whole) of a province or every province
 * whose period meets the years asked: the dashboard names where received figures came from.
 */
export async function exchangeSources(
  db: Db,
  input: { provinceCode?: string; fromYear?: number; toYear?: number } = {},
): Promise<TExchangeSource[]> {
  const rows = await db.exchangePackage.findMany({
    where: {
      replacedById: null,
      ...(input.provinceCode ? { provinceCode: input.provinceCode } : {}),
      ...(input.toYear !== undefined ? { fromYear: { lte: input.toYear } } : {}),
      ...(input.fromYear !== undefined ? { toYear: { gte: input.fromYear } } : {}),
    },
    orderBy: [{ provinceCode: "asc" }, { fromYear: "asc" }],
    select: { id: true, provinceCode: true, fromYear: true, toYear: true, approvedUntil: true },
  });
  return Promise.all(
    rows.map(async (r) => {
      const p = await provinceFromLists(r.provinceCode);
      return {
        packageId: r.id,
        provinceCode: r.provinceCode,
        provinceName: p.name,
        provinceType: p.type,
        fromYear: r.fromYear,
        toYear: r.toYear,
        approvedUntil: r.approvedUntil?.toISOString() ?? null,
      };
    }),
  );
}
