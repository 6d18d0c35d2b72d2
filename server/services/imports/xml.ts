import { SaxesParser } from "saxes";
import { AppError, appError } from "../../errors.ts";
import type { ReadBudget } from "./limits.ts";
import { inflate, type ZipEntry } from "./zip.ts";

export type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

/**
 * Bytes allowed between two "<": bounds every text node, tag and attribute value the XML parser
 * gathers before it hands it over (a 32.767-character cell written as entities fits easily).
 */
const MAX_TOKEN = 1024 * 1024;

/** The local name of an element or attribute (`x:row` is `row`: some writers prefix the main namespace). */
export const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Streams one zip entry's XML through saxes as it is inflated. Strict XML: no entity is defined
 * by a DTD (saxes refuses what it does not know), so nothing expands. Errors of the XML are
 * "damaged"; the handlers' own refusals (limits) pass through.
 */
export async function parseXml(buf: Buffer, entry: ZipEntry, budget: ReadBudget, on: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  parser.on("opentag", (t) => on.open?.(local(t.name), t.attributes));
  if (on.text) {
    parser.on("text", on.text);
    parser.on("cdata", on.text);
  }
  if (on.close) parser.on("closetag", (t) => on.close?.(local(t.name)));
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let sinceMarkup = 0;
  try {
    for await (const chunk of inflate(buf, entry, budget)) {
      // Chunks are at most 64 KB (zip.ts), so only a gap across chunks can pass the limit.
      const first = chunk.indexOf(0x3c);
      if (first < 0 || sinceMarkup + first > MAX_TOKEN) sinceMarkup += chunk.length;
      else sinceMarkup = chunk.length - chunk.lastIndexOf(0x3c);
      if (sinceMarkup > MAX_TOKEN) throw tooLong(budget);
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode()).close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw appError("invalid", "import.damaged");
  }
}

const tooLong = (budget: ReadBudget) => appError("invalid", "import.cellTooLong", { max: budget.limits.cellText });
