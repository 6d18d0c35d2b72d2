import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { type Context, createContextInner } from "../context.ts";
import type { DatabaseKind, Db } from "../db.ts";
import { logger } from "../logger.ts";
import { type AppRouter, appRouter } from "../routers/_app.ts";
import { resolveSession, SESSION_COOKIE } from "../services/sessions.ts";
import { productVersion } from "../version.ts";
import { csrfGuard } from "./csrf.ts";

const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export type AppOptions = {
  db: Db;
  dbKind: DatabaseKind;
  serveClient?: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed (env TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** The built client (tests serve their own); default client/dist. */
  clientDir?: string;
};

/**
 * The context of an HTTP request: the database and who is calling (from the session cookie).
 * tRPC and the plain HTTP routes (report downloads) both build their context here.
 */
export async function createRequestContext(
  opts: AppOptions,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Context> {
  const secure = req.protocol === "https";
  const sessionToken = req.cookies[SESSION_COOKIE];
  const user = await resolveSession(opts.db, sessionToken);
  // An expired or revoked session: the browser may forget the cookie too.
  if (sessionToken && !user) reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
  return createContextInner({
    db: opts.db,
    dbKind: opts.dbKind,
    user,
    meta: {
      ip: req.ip,
      userAgent: req.headers["user-agent"] ?? "",
      secure,
      sessionToken,
      setCookie: (name, value, { maxAgeSeconds }) =>
        void reply.setCookie(name, value, { ...cookieOptions(secure), maxAge: maxAgeSeconds }),
      clearCookie: (name) => void reply.clearCookie(name, cookieOptions(secure)),
    },
  });
}

/** The session cookie: unreadable by scripts, not sent on cross-site subrequests or POSTs. */
function cookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax", secure } as const;
}

/** The HTTP server: tRPC at /api/trpc, health, and (in production) the built client. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
  });

  await app.register(fastifyCookie);
  app.addHook("onRequest", csrfGuard);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // recharts and React set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  app.get("/api/health", async () => {
    await opts.db.$queryRaw`SELECT 1`;
    return { status: "ok", database: opts.dbKind, version: productVersion };
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => createRequestContext(opts, req, res),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "trpc error");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
  await app.register((await import("./reports.ts")).reportRoutes, opts);

  const clientDir = opts.clientDir ?? clientDist;
  if (opts.serveClient && fs.existsSync(path.join(clientDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      // The page itself is sent by appShell (below), with the first screen's data.
      index: false,
      globIgnore: ["index.html"],
      // The .br/.gz copies made at build time (client/vite.config.ts), for browsers that take them.
      preCompressed: true,
      cacheControl: false,
      // File names under assets/ carry a hash of their content: a browser keeps them for good.
      setHeaders: (reply, file) => {
        const hashed = path.relative(clientDir, file).startsWith(`assets${path.sep}`);
        reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    const shell = (await import("./shell.ts")).appShell(opts, clientDir);
    // Client-side routes: any GET that is not an API call or a file gets the app's page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === "GET" && !req.url.startsWith("/api/")) return shell(req, reply);
      return reply.code(404).send({ error: { code: "NOT_FOUND", message: "Không tìm thấy." } });
    });
  }
  return app;
}
