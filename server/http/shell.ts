import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenData } from "@qt/shared/first-screen";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type ContextDb, createContext } from "../context.ts";
import { logger } from "../logger.ts";
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
  const html = fs.readFileSync(path.join(clientDir, "index.html"), "utf8");
  const end = html.indexOf("</head>");
  if (end < 0) throw new Error(`${clientDir}/index.html has no </head>`);
  const [head, rest] = [html.slice(0, end), html.slice(end)];
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = await createContext(opts, req, reply);
    reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
    if (!ctx.user) return reply.send(html);
    const page = new Readable({ read() {} });
    page.push(head);
    firstScreenData(ctx, req.url)
      .then(dataElement, (err: unknown) => {
        // The page still works without them: the browser asks.
        logger.error({ err }, "first screen data failed");
        return "";
      })
      .then((element) => {
        page.push(element + rest);
        page.push(null);
      });
    return reply.send(page);
  };
}

/** JSON in a non-executed script element; "<" escaped so no value can close the element. */
function dataElement(data: FirstScreenData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${json}</script>`;
}
