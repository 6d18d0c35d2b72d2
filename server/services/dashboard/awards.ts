import type { TDashboardAwards, TDashboardFilter } from "@qt/shared/schemas/dashboard";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { previousOf } from "./compare.ts";
import { type Filter, filterInputOf, resolveFilter } from "./filter.ts";
import { AWARD_GROUPS_FROM, awardGroupWhere } from "./rollup-sql.ts";
import { n } from "./rows.ts";

type Row = { year: number; issuer: string; form: string; kind: string; count: bigint | Prisma.Decimal };

export async function dashboardAwards(db: Db, input: TDashboardFilter): Promise<TDashboardAwards> {
  const f = await resolveFilter(db, filterInputOf(input));
  const [awards, previous] = await Promise.all([
    awardsOf(db, f),
    previousOf(db, f, input.compare, async (db, earlier) => ({ total: (await awardsOf(db, earlier)).total })),
  ]);
  return { ...awards, ...(previous ? { previous } : {}) };
}

/**
 * Commendations by year, by issuer and form, collectives vs individuals: one grouped query, folded
 * three ways. A district filter keeps the awards whose area lies in it (province-level awards have
 * no area and drop out). Model category/type do not apply. Read from the award roll-up (decision 058).
 */
export async function awardsOf(db: Db, f: Filter): Promise<TDashboardAwards> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT g.year, g.issuer, g.form, g.recipient_kind AS kind, SUM(g.awards) AS count
    FROM ${AWARD_GROUPS_FROM}
    WHERE ${awardGroupWhere(f)}
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

  const byYear = new Map<number, TDashboardAwards["byYear"][number]>();
  const byIssuerForm = new Map<string, TDashboardAwards["byIssuerForm"][number]>();
  let collective = 0;
  let individual = 0;
  for (const r of rows) {
    const count = n(r.count);
    const kind = r.kind === "collective" ? "collective" : "individual";
    const y = byYear.get(n(r.year)) ?? { year: n(r.year), collective: 0, individual: 0, total: 0 };
    y[kind] += count;
    y.total += count;
    byYear.set(y.year, y);
    const key = `${r.issuer}/${r.form}`;
    const i = byIssuerForm.get(key) ?? {
      issuer: r.issuer as TDashboardAwards["byIssuerForm"][number]["issuer"],
      form: r.form as TDashboardAwards["byIssuerForm"][number]["form"],
      collective: 0,
      individual: 0,
      total: 0,
    };
    i[kind] += count;
    i.total += count;
    byIssuerForm.set(key, i);
    if (kind === "collective") collective += count;
    else individual += count;
  }
  return {
    total: collective + individual,
    byYear: [...byYear.values()],
    byIssuerForm: [...byIssuerForm.values()].sort((a, b) => b.total - a.total),
    byRecipientKind: [
      { kind: "collective", count: collective },
      { kind: "individual", count: individual },
    ],
  };
}
