import type { Role } from "@qt/shared/domain";
import type { SessionUser } from "../../../server/context.ts";
import type { Db } from "../../../server/db.ts";

let counter = 0;

/**
 * A real user row for procedure tests that call through createCaller with this user (no login).
 * The password hash is unusable on purpose: tests that log in create users through the services.
 */
export async function makeUser(
  db: Db,
  opts: { role: Role; districtCode?: string; disabled?: boolean },
): Promise<SessionUser> {
  const district = opts.districtCode
    ? await db.adminUnit.findUniqueOrThrow({
        where: { catalog_code: { catalog: "three_level", code: opts.districtCode } },
        select: { id: true, code: true },
      })
    : null;
  counter += 1;
  const username = `${opts.role}${district ? `-${district.code}` : ""}-${counter}`;
  const user = await db.user.create({
    data: {
      username,
      displayName: `Test ${username}`,
      passwordHash: "!unusable",
      role: opts.role,
      districtId: district?.id ?? null,
      disabledAt: opts.disabled ? new Date() : null,
    },
    select: { id: true, username: true, displayName: true, role: true },
  });
  return { ...user, districtCode: district?.code ?? null, districtId: district?.id ?? null };
}
