import { isIP } from "node:net";
import path from "node:path";
import { ROLES } from "@qt/shared/domain";
import "@qt/shared/messages/all";
import { messageOf } from "@qt/shared/messages/index";
import { z } from "zod";
import { INSTALL_CODES } from "./services/units/province.ts";

/** `VAR=` (empty) means the same as not setting it, as shells and .env files write it. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The environment, checked once at start-up; a bad value stops the server with a clear message. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: unsetWhenEmpty(
    z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là URL postgresql://… (must be a postgresql:// URL)"),
  ),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  /**
   * Today's province this copy serves (GSO code, decision 044). Unset: the province the database
   * was set up for, or 44 (Quảng Trị's police, the product's first user) for a new one.
   */
  PROVINCE: unsetWhenEmpty(
    z.enum(INSTALL_CODES as [string, ...string[]], {
      error: () =>
        `PROVINCE: mã tỉnh, thành phố không có (unknown province code); dùng một trong (use one of): ${INSTALL_CODES.join(", ")} (all: toàn quốc, the whole country)`,
    }),
  ),
  ADMIN_PASSWORD: unsetWhenEmpty(z.string().min(10, "ADMIN_PASSWORD cần ít nhất 10 ký tự (at least 10 characters)")),
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of the server, comma-separated, e.g.
   * `127.0.0.1` for a TLS-terminating nginx on the same host. Only requests from them may set the
   * client address and scheme through X-Forwarded-For/-Proto (login throttling, Secure cookies).
   */
  TRUST_PROXY: unsetWhenEmpty(
    z
      .string()
      .transform((v) => v.split(",").map((a) => a.trim()))
      .pipe(
        z.array(
          z.string().refine((a) => isIP(a.split("/")[0] ?? "") !== 0 && /^[^/]+(\/\d{1,3})?$/.test(a), {
            message: "TRUST_PROXY: danh sách địa chỉ IP hoặc dải CIDR, cách nhau bởi dấu phẩy (IP addresses or CIDRs)",
          }),
        ),
      ),
  ),
  /** Days to keep the automatic daily backups in `$DATA_DIR/backups`; 0 turns them off (decision 012). */
  BACKUP_KEEP_DAYS: z.preprocess(
    (v) => (v === "" || v === undefined ? 14 : v),
    z.coerce
      .number({ message: "BACKUP_KEEP_DAYS phải là số ngày (must be a number of days)" })
      .int("BACKUP_KEEP_DAYS phải là số nguyên (must be a whole number)")
      .min(0, "BACKUP_KEEP_DAYS không được âm (must not be negative)")
      .max(3650, "BACKUP_KEEP_DAYS tối đa 3650 (at most 3650)"),
  ),
  /**
   * Years the audit log must be kept (decision 034). The app never deletes an entry; this is the
   * minimum the unit's procedures promise, shown by the daily check and in the dossier.
   */
  AUDIT_KEEP_YEARS: z.preprocess(
    (v) => (v === "" || v === undefined ? 2 : v),
    z.coerce
      .number({ message: "AUDIT_KEEP_YEARS phải là số năm (must be a number of years)" })
      .int("AUDIT_KEEP_YEARS phải là số nguyên (must be a whole number)")
      .min(1, "AUDIT_KEEP_YEARS ít nhất 1 (at least 1)")
      .max(100, "AUDIT_KEEP_YEARS tối đa 100 (at most 100)"),
  ),
  /** Session ends (decision 005, issue 29): idle minutes, hours after login, sessions per account (0: no cap). */
  SESSION_IDLE_MINUTES: z.preprocess(
    (v) => (v === "" || v === undefined ? 30 : v),
    z.coerce
      .number({ message: "SESSION_IDLE_MINUTES phải là số phút (must be a number of minutes)" })
      .int("SESSION_IDLE_MINUTES phải là số nguyên (must be a whole number)")
      .min(1, "SESSION_IDLE_MINUTES ít nhất 1 (at least 1)")
      .max(1440, "SESSION_IDLE_MINUTES tối đa 1440 (at most 1440)"),
  ),
  SESSION_MAX_HOURS: z.preprocess(
    (v) => (v === "" || v === undefined ? 12 : v),
    z.coerce
      .number({ message: "SESSION_MAX_HOURS phải là số giờ (must be a number of hours)" })
      .int("SESSION_MAX_HOURS phải là số nguyên (must be a whole number)")
      .min(1, "SESSION_MAX_HOURS ít nhất 1 (at least 1)")
      .max(720, "SESSION_MAX_HOURS tối đa 720 (at most 720)"),
  ),
  SESSION_MAX_PER_USER: z.preprocess(
    (v) => (v === "" || v === undefined ? 0 : v),
    z.coerce
      .number({ message: "SESSION_MAX_PER_USER phải là số phiên (must be a number of sessions)" })
      .int("SESSION_MAX_PER_USER phải là số nguyên (must be a whole number)")
      .min(0, "SESSION_MAX_PER_USER ít nhất 0 (at least 0)")
      .max(100, "SESSION_MAX_PER_USER tối đa 100 (at most 100)"),
  ),
  /**
   * Roles that must have a second factor (issue 29), comma-separated, e.g. `admin,approver`: until
   * enrolled, such an account can only enrol. Unset: optional for everyone.
   */
  REQUIRE_TOTP: z.preprocess(
    (v) => (v === undefined ? "" : v),
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.enum(ROLES, {
            error: () =>
              `REQUIRE_TOTP: vai trò trong ${ROLES.join(", ")}, cách nhau bởi dấu phẩy (roles, comma-separated)`,
          }),
        ),
      ),
  ),
  /** PEM certificate and key: set both and the server speaks HTTPS itself (issue 29 item 4). */
  TLS_CERT: unsetWhenEmpty(z.string()),
  TLS_KEY: unsetWhenEmpty(z.string()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof ZEnv> & { dataDir: string };

const ZEnvChecked = ZEnv.refine((e) => !e.TLS_CERT === !e.TLS_KEY, {
  path: ["TLS_CERT"],
  message: "TLS_CERT và TLS_KEY phải đặt cùng nhau (set both or neither)",
});

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnvChecked.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${messageOf(i.message)}`);
    throw new Error(`Cấu hình môi trường không hợp lệ (invalid environment):\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
