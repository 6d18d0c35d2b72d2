/** By default a session ends after this long without a request (SESSION_IDLE_MINUTES)… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and at the latest this long after login, however active (SESSION_MAX_HOURS). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/**
 * The process's session rules, set once at start-up from the environment (main.ts): idle and
 * absolute ends, and how many sessions one account may hold (0: no cap; the oldest end first).
 */
export const sessionPolicy = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS, maxPerUser: 0 };

export function configureSessions(env: {
  SESSION_IDLE_MINUTES: number;
  SESSION_MAX_HOURS: number;
  SESSION_MAX_PER_USER: number;
}) {
  sessionPolicy.idleMs = env.SESSION_IDLE_MINUTES * 60_000;
  sessionPolicy.absoluteMs = env.SESSION_MAX_HOURS * 60 * 60_000;
  sessionPolicy.maxPerUser = env.SESSION_MAX_PER_USER;
}
