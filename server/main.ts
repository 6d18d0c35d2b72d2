import { openDatabase } from "./db/open.ts";
import { readEnv } from "./env.ts";
import { trackActivity } from "./http/activity.ts";
import { buildApp } from "./http/app.ts";
import { collectGarbageWhenIdle } from "./http/idle-gc.ts";
import { readTls } from "./http/tls.ts";
import { logger } from "./logger.ts";
import { configureTotp } from "./services/accounts/account.ts";
import { ensureAdmin } from "./services/accounts/first-admin.ts";
import { configureSessions } from "./services/accounts/sessions.ts";
import { scheduleDailyAuditCheck } from "./services/audit/chain.ts";
import { startControlSocket } from "./services/backup/control.ts";
import { dailyBackup, scheduleDailyBackups } from "./services/backup/schedule.ts";
import { removeSnapshots } from "./services/backup/snapshot.ts";
import { warmDashboardCache } from "./services/dashboard/cache.ts";
import { scheduleDailyRollupCheck } from "./services/dashboard/rollups.ts";
import { ensureOwnKey } from "./services/exchange/keys.ts";
import { productVersion } from "./version.ts";

async function main() {
  const env = readEnv();
  configureSessions(env);
  configureTotp(env);
  // Before the database is opened: a bad certificate stops the start with nothing changed.
  const https = env.TLS_CERT && env.TLS_KEY ? readTls(env.TLS_CERT, env.TLS_KEY) : undefined;
  logger.info(
    { version: productVersion, dataDir: env.dataDir, database: env.DATABASE_URL ? "postgresql" : "pglite" },
    "starting",
  );
  const { db, kind, demoLoaded, upgrade, snapshot: take, close: closeDb } = await openDatabase(env);
  // Backups on the embedded database read a snapshot of it (decision 030); leftovers of a crash go.
  const snapshot = take ? { dataDir: env.dataDir, take } : undefined;
  removeSnapshots(env.dataDir);
  if (upgrade.backup)
    logger.info({ backup: upgrade.backup, from: upgrade.previousVersion }, "pre-upgrade backup written");
  if (upgrade.applied.length > 0) logger.info({ migrations: upgrade.applied }, "migrations applied");
  if (demoLoaded) logger.info("demo data loaded");
  // The key that signs this install's packages of approved figures (decision 052): made once.
  await ensureOwnKey(db);
  const admin = await ensureAdmin(db, { adminPassword: env.ADMIN_PASSWORD, dataDir: env.dataDir });
  if (admin.created && admin.generatedPassword) {
    // Printed once, straight to stdout and never through the logger, so it reaches no log file.
    process.stdout.write(
      `\nTài khoản quản trị "admin" đã được tạo. Mật khẩu (chỉ hiện một lần, cũng lưu trong ${admin.passwordFile}):\n` +
        `Admin account "admin" created. Password (shown once, also in ${admin.passwordFile}):\n\n    ${admin.generatedPassword}\n\n`,
    );
  } else if (admin.created) {
    logger.info("admin account created with ADMIN_PASSWORD");
  }

  const app = await buildApp({
    db,
    dbKind: kind,
    serveClient: env.NODE_ENV === "production",
    trustProxy: env.TRUST_PROXY,
    https,
  });
  // `pnpm backup` asks this server on the embedded database (a second process may not open it).
  // Not fatal: the server serves without it (a socket path is limited to 107 bytes).
  const control =
    kind === "pglite"
      ? await startControlSocket(env.dataDir, { db, kind, ...(snapshot ? { snapshot } : {}) }, (err) =>
          logger.error({ err }, "backup request failed"),
        ).catch((err: unknown) => {
          logger.warn({ err }, "pnpm backup cannot reach this server (control socket not started)");
          return null;
        })
      : null;
  const activity = trackActivity(app);
  const stopBackups =
    env.BACKUP_KEEP_DAYS > 0
      ? scheduleDailyBackups(() =>
          dailyBackup(db, kind, env.dataDir, env.BACKUP_KEEP_DAYS, new Date(), snapshot).then(
            (file) => file && logger.info({ file }, "daily backup written"),
            (err: unknown) => logger.error({ err }, "daily backup failed"),
          ),
        )
      : () => {};
  const stopGc = collectGarbageWhenIdle(activity);
  const stopAuditCheck = scheduleDailyAuditCheck(db, logger, { keepYears: env.AUDIT_KEEP_YEARS });
  const stopRollupCheck = scheduleDailyRollupCheck(db, logger);
  const close = async () => {
    stopBackups();
    stopGc();
    stopAuditCheck();
    stopRollupCheck();
    await control?.close();
    await app.close();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
  await app.listen({ port: env.PORT, host: env.HOST });
  logger.info(`Mở trình duyệt tại ${https ? "https" : "http"}://localhost:${env.PORT}`);
  // In the background: requests are served meanwhile, and one asking for the same figures shares
  // the computation in flight.
  warmDashboardCache(db).catch((err: unknown) => logger.warn({ err }, "dashboard cache warm-up failed"));
}

main().catch((err: unknown) => {
  const text = err instanceof Error ? err.message : String(err);
  logger.fatal(text);
  // Also straight to stderr: the logger's buffered line may not be written before the exit.
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
