import fs from "node:fs";
import path from "node:path";
import { FIRST_SCREEN_ELEMENT_ID, type FirstScreenData } from "@qt/shared/first-screen";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppOptions } from "./app.ts";
import { createRequestContext } from "./app.ts";
import { firstScreenData } from "./first-screen.ts";

/**
 * The app's page (index.html) for any address of the client. With a session it carries the answers
 * to auth.me and to the first screen's queries, computed through the same procedures the browser
 * would call (and their cache), so the first screen renders without waiting for a round trip
 * (issue 4's first-render budget, docs/decisions/008). Never cached: it is the user's.
 */
export function appShell(opts: AppOptions, clientDir: string) {
  const html = fs.readFileSync(path.join(clientDir, "index.html"), "utf8");
  if (!html.includes("</head>")) throw new Error(`${clientDir}/index.html has no </head>`);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = await createRequestContext(opts, req, reply);
    const data = ctx.user ? await firstScreenData(ctx, req.url) : null;
    const page = data ? html.replace("</head>", `${dataElement(data)}</head>`) : html;
    return reply.header("cache-control", "no-store").type("text/html; charset=utf-8").send(page);
  };
}

/** JSON in a non-executed script element; "<" escaped so no value can close the element. */
function dataElement(data: FirstScreenData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${json}</script>`;
}
