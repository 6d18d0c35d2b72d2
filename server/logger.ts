import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };
/** What code that only logs needs: the process logger and a request's logger both are one. */
export type Log = Pick<Logger, "error" | "warn" | "info">;

/**
 * A process logger. Known secret-bearing fields are redacted wherever they appear, so a password,
 * hash, token or cookie never reaches a log line. Tests pass their own destination to read it.
 */
export function createLogger(destination?: DestinationStream, level?: string): Logger {
  return pino(
    {
      level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      redact: {
        paths: [
          "password",
          "*.password",
          "*.newPassword",
          "*.currentPassword",
          "passwordHash",
          "*.passwordHash",
          "token",
          "*.token",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "req.headers.authorization",
        ],
        censor: "[ẩn]",
      },
    },
    destination,
  );
}

export const logger = createLogger();

/** Stack traces per minute, at most: a request that keeps failing must not fill the disk. */
export const MAX_FAILURE_LOGS_PER_MINUTE = 10;
const logged = new WeakSet<object>();
let windowStart = 0;
let inWindow = 0;
let suppressed = 0;

/**
 * Logs an unexpected failure once (the tRPC middleware and the HTTP adapter both see it) and at
 * most MAX_FAILURE_LOGS_PER_MINUTE times a minute; the rest are counted in one line.
 */
export function logFailure(log: Log, err: unknown, fields: Record<string, unknown>, msg: string): void {
  for (const e of [err, (err as { cause?: unknown } | null)?.cause]) {
    if (typeof e !== "object" || e === null) continue;
    if (logged.has(e)) return;
    logged.add(e);
  }
  const now = Date.now();
  if (now - windowStart >= 60_000) {
    if (suppressed > 0) log.error({ suppressed }, "failures not logged in the last minute");
    windowStart = now;
    inWindow = 0;
    suppressed = 0;
  }
  inWindow += 1;
  if (inWindow > MAX_FAILURE_LOGS_PER_MINUTE) {
    suppressed += 1;
    return;
  }
  log.error({ err: (err as { cause?: unknown } | null)?.cause ?? err, ...fields }, msg);
}
