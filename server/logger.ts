import pino from "pino";

/**
 * The process logger. Known secret-bearing fields are redacted wherever they appear, so a password,
 * hash, token or cookie never reaches a log line.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
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
});
