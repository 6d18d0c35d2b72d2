import fastifyMultipart from "@fastify/multipart";
import { EXCHANGE_MAX_BYTES, ZExchangePeriod } from "@qt/shared/schemas/exchange";
import type { FastifyInstance } from "fastify";
import type { ContextDb } from "../context.ts";
import { AppError, appError } from "../errors.ts";
import { logger } from "../logger.ts";
import { makePackage } from "../services/exchange/make.ts";
import { receivePackage } from "../services/exchange/receive.ts";
import { contentDisposition } from "../services/reports/export.ts";
import { adminRoute, guarded } from "./guard.ts";
import { readMultipart } from "./multipart.ts";

const MB = EXCHANGE_MAX_BYTES / (1024 * 1024);

/**
 * The signed exchange's files (decision 052): a province's admin downloads the package of a
 * period's approved figures; the receiving install's admin uploads it (multipart `file`).
 * Encapsulated, so the multipart parser serves these routes only.
 */
export async function exchangeRoutes(app: FastifyInstance, opts: ContextDb) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: EXCHANGE_MAX_BYTES, files: 1, fields: 2, fieldSize: 1000, parts: 3 },
  });

  app.get<{ Querystring: { fromYear?: string; toYear?: string } }>(
    "/api/exchange/package",
    adminRoute(opts),
    async (req, reply) => {
      const ctx = guarded(req);
      const num = (v?: string) => (v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : v);
      const parsed = ZExchangePeriod.safeParse({ fromYear: num(req.query.fromYear), toYear: num(req.query.toYear) });
      if (!parsed.success) throw new AppError("invalid", "v.yearOrder", {}, { cause: parsed.error });
      const pkg = await makePackage(ctx.db, parsed.data, ctx.user);
      // After the headers went out a failure can only cut the download short (no signature line).
      pkg.stream.on("error", (err) => logger.error({ err }, "exchange package stream failed"));
      return reply
        .header("Content-Type", "application/gzip")
        .header("Content-Disposition", contentDisposition(pkg.fileName))
        .header("Cache-Control", "no-store")
        .send(pkg.stream);
    },
  );

  app.post("/api/exchange/packages", adminRoute(opts), async (req, reply) => {
    const ctx = guarded(req);
    if (!req.isMultipart()) throw appError("invalid", "exchange.noFile");
    const { file } = await readMultipart(req, {
      tooLarge: { key: "exchange.tooLarge", params: { mb: MB } },
      malformed: { key: "exchange.noFile", params: {} },
    });
    if (!file || file.bytes.length === 0) throw appError("invalid", "exchange.noFile");
    return reply.send(await receivePackage(ctx.db, file.bytes, ctx.user));
  });
}
