import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { LogController } from "fastify";
import { type ContextDb, createContext } from "../context.ts";
import { type Logger, logFailure, logger } from "../logger.ts";
import { type AppRouter, appRouter } from "../routers/_app.ts";
import { productVersion } from "../version.ts";
import { csrfGuard } from "./csrf.ts";
import { plainErrorHandler } from "./errors.ts";
import { exchangeRoutes } from "./exchange.ts";
import { declaredAccess, type PlainRoute } from "./guard.ts";
import { importRoutes } from "./imports.ts";
import { mapRoutes } from "./maps.ts";
import { reportRoutes } from "./reports.ts";
import { appShell } from "./shell.ts";
import { targetRoutes } from "./targets.ts";

const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export type AppOptions = ContextDb & {
  serveClient?: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed (env TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** The built client (tests serve their own); default client/dist. */
  clientDir?: string;
  /** Certificate and key (PEM) when the server speaks HTTPS itself (TLS_CERT/TLS_KEY, http/tls.ts). */
  https?: { cert: Buffer; key: Buffer };
  /** The process logger unless a test reads its own. */
  logger?: Logger;
};

/** Plain routes anyone may call: the health check (load balancers and the bundle's start script). */
const UNGUARDED = new Set(["/api/health"]);
const plainRoutesOf = new WeakMap<object, PlainRoute[]>();
/** The plain /api/ routes of an app, with the access each declares (the authorization matrix test). */
export const plainRoutes = (app: object): PlainRoute[] => plainRoutesOf.get(app) ?? [];

/** The HTTP server: tRPC at /api/trpc, health, and (in production) the built client. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    ...(opts.https ? { https: opts.https } : {}),
    loggerInstance: opts.logger ?? logger,
    // One short line per request (below) instead of Fastify's two with headers: a flood of bad
    // requests then grows the log by a bounded amount each.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
  });

  // Every plain /api/ route declares who may call it (guard, http/guard.ts), as every procedure
  // does by its builder: a route without one stops the server at start-up.
  const plainRoutes: PlainRoute[] = [];
  app.addHook("onRoute", (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith("/api/") || url.startsWith("/api/trpc") || UNGUARDED.has(url)) return;
    const access = declaredAccess(route.onRequest);
    if (!access) throw new Error(`${String(route.method)} ${url}: a plain route must declare a guard`);
    for (const method of [route.method].flat()) if (method !== "HEAD") plainRoutes.push({ method, url, access });
  });
  plainRoutesOf.set(app, plainRoutes);
  // The net under every plain route: a domain error by its kind, anything unexpected as the
  // catalogue's system error (http/errors.ts).
  app.setErrorHandler(plainErrorHandler);
  app.addHook("onRequest", async (req, reply) => {
    // API answers are per user and change with the data: no browser or proxy may keep them.
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    // HSTS means nothing over plain HTTP and would pin a LAN address to an HTTPS it does not serve;
    // over HTTPS (direct, or from a trusted proxy) it is sent as helmet would.
    if (req.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  });
  app.addHook("onResponse", async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url.slice(0, 200), status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      "request",
    );
  });
  await app.register(fastifyCookie);
  app.addHook("onRequest", csrfGuard);
  await app.register(fastifyHelmet, {
    strictTransportSecurity: false,
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
      createContext: ({ req, res }) => createContext(opts, req, res),
      // Failures inside a procedure were logged by its middleware; this catches the rest (context).
      onError({ error, path, req }) {
        if (error.code === "INTERNAL_SERVER_ERROR") logFailure(req.log, error, { path }, "trpc error");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
  await app.register(reportRoutes, opts);
  await app.register(mapRoutes, opts);
  await app.register(importRoutes, opts);
  await app.register(exchangeRoutes, opts);
  await app.register(targetRoutes, opts);

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
    const shell = appShell(opts, clientDir);
    // Client-side routes: any GET that is not an API call or a file gets the app's page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === "GET" && !req.url.startsWith("/api/")) return shell(req, reply);
      return reply.code(404).send({ error: { code: "NOT_FOUND", message: "Không tìm thấy." } });
    });
  }
  return app;
}
