import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify from "fastify";
import { type ContextDb, createContext } from "../context.ts";
import { logger } from "../logger.ts";
import { type AppRouter, appRouter } from "../routers/_app.ts";
import { csrfGuard } from "./csrf.ts";
import { reportRoutes } from "./reports.ts";
import { appShell } from "./shell.ts";

const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export type AppOptions = ContextDb & {
  serveClient?: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed (env TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** The built client (tests serve their own); default client/dist. */
  clientDir?: string;
};

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
    return { status: "ok", database: opts.dbKind };
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => createContext(opts, req, res),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "trpc error");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
  await app.register(reportRoutes, opts);

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
