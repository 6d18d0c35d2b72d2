import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenData } from "@qt/shared/first-screen";
import { type InstalledProvince, PROVINCE_ELEMENT_ID, pageTitle } from "@qt/shared/province";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type ContextDb, createContext } from "../context.ts";
import { logger } from "../logger.ts";
import { installedProvince } from "../services/units/province.ts";
import { firstScreenData } from "./first-screen.ts";

/**
 * The app's page (index.html) for any address of the client. With a session it carries the answers
 * to auth.me and to the first screen's queries, computed through the same procedures the browser
 * would call (and their cache), so the first screen renders without waiting for a round trip
 * (issue 4's first-render budget, docs/decisions/008). Never cached: it is the user's.
 *
 * The head (the app's scripts and styles) is sent at once and the figures follow when ready, so
 * the browser fetches the scripts meanwhile; they run only once the whole page has arrived.
 */
export function appShell(opts: ContextDb, clientDir: string) {
  const file = fs.readFileSync(path.join(clientDir, "index.html"), "utf8");
  const end = file.indexOf("</head>");
  if (end < 0) throw new Error(`${clientDir}/index.html has no </head>`);
  let page: Promise<{ html: string; head: string; rest: string }> | null = null;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    page ??= installedProvince(opts.db).then((p) => provincePage(file, end, p));
    const { html, head, rest } = await page;
    const ctx = await createContext(opts, req, reply);
    reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
    if (!ctx.user) return reply.send(html);
    const stream = new Readable({ read() {} });
    stream.push(head);
    firstScreenData(ctx, req.url)
      .then(dataElement, (err: unknown) => {
        // The page still works without them: the browser asks.
        logger.error({ err }, "first screen data failed");
        return "";
      })
      .then((element) => {
        stream.push(element + rest);
        stream.push(null);
      });
    return reply.send(stream);
  };
}

/**
 * The page for the installed province (decision 044): its title, and the province in a data
 * element the client reads for its header and choices before anything is asked.
 */
function provincePage(file: string, end: number, province: InstalledProvince) {
  const withTitle = (text: string) =>
    text.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(pageTitle(province))}</title>`);
  const json = JSON.stringify(province).replace(/</g, "\\u003c");
  const element = `<script type="application/json" id="${PROVINCE_ELEMENT_ID}">${json}</script>`;
  const head = withTitle(file.slice(0, end)) + element;
  const rest = file.slice(end);
  return { html: head + rest, head, rest };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** JSON in a non-executed script element; "<" escaped so no value can close the element. */
function dataElement(data: FirstScreenData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${json}</script>`;
}
