/**
 * Account administration from the shell (`pnpm user …`), for the first admin of a PostgreSQL
 * install or a locked-out administrator. Opens the database as the server does; on the embedded
 * database the server must be stopped first (PGlite is single-process).
 */

import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { messageOf } from "@qt/shared/messages/index";
import { ZUserCreateInput, ZUserResetPasswordInput } from "@qt/shared/schemas/users";
import type { z } from "zod";
import { openDatabase } from "../db/open.ts";
import type { Db } from "../db.ts";
import { readEnv } from "../env.ts";
import { createUser, disableUser, listUsers, resetPassword } from "../services/accounts/users.ts";

const USAGE = `Cách dùng (usage):
  pnpm user list
  pnpm user add <username> --role admin|editor|viewer|approver [--district <GSO code> | --commune <GSO code>] [--name "<display name>"]
  pnpm user reset-password <username>
  pnpm user disable <username>
The password of add/reset-password is read from NEW_PASSWORD, or generated and printed once.`;

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join(".")}: ${messageOf(i.message)}`).join("\n"));
  return r.data;
}

async function idOf(db: Db, username: string): Promise<number> {
  const user = await db.user.findUnique({ where: { username: username.toLowerCase() }, select: { id: true } });
  if (!user) throw new Error(`Không có tài khoản "${username}" (no such user).`);
  return user.id;
}

function newPassword(): { password: string; generated: boolean } {
  const given = process.env.NEW_PASSWORD;
  return given
    ? { password: given, generated: false }
    : { password: randomBytes(15).toString("base64url"), generated: true };
}

async function run(db: Db, command: string | undefined, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      district: { type: "string" },
      commune: { type: "string" },
      name: { type: "string" },
    },
  });
  const username = positionals[0];
  if (command === "list") {
    for (const u of await listUsers(db)) {
      const code = u.communeCode ?? u.districtCode;
      const scope = code ? ` ${u.scope.kind} ${code}` : "";
      console.log(`${u.username}\t${u.role}${scope}\t${u.disabled ? "disabled" : "active"}\t${u.displayName}`);
    }
    return;
  }
  if (!username) throw new Error(USAGE);
  if (command === "add") {
    const { password, generated } = newPassword();
    const input = parse(ZUserCreateInput, {
      username,
      displayName: values.name ?? username,
      password,
      role: values.role,
      districtCode: values.district ?? null,
      communeCode: values.commune ?? null,
    });
    await createUser(db, input, null, { temporary: generated });
    console.log(`Đã tạo tài khoản ${input.username} (created).`);
    if (generated) console.log(`Mật khẩu (password, shown once): ${password}`);
    return;
  }
  if (command === "reset-password") {
    const { password, generated } = newPassword();
    await resetPassword(
      db,
      parse(ZUserResetPasswordInput, { id: await idOf(db, username), newPassword: password }),
      null,
      { temporary: generated },
    );
    console.log(
      `Đã đặt lại mật khẩu của ${username}; mọi phiên đăng nhập đã kết thúc (password reset, sessions ended).`,
    );
    if (generated) console.log(`Mật khẩu mới (new password, shown once): ${password}`);
    return;
  }
  if (command === "disable") {
    await disableUser(db, { id: await idOf(db, username) }, null);
    console.log(`Đã khóa tài khoản ${username} (disabled).`);
    return;
  }
  throw new Error(USAGE);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  // Refuses clearly while the server holds the embedded database (openDatabase takes its lock).
  const { db, close } = await openDatabase(readEnv());
  try {
    await run(db, command, args);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(message);
  process.exit(1);
});
