import fs from "node:fs";
import path from "node:path";

/**
 * The product's version: the `version` of the package.json at the application's root (the
 * repository, or the folder an offline bundle was extracted to). Read from the file rather than
 * compiled in, so that what /api/health reports is what the installed files say.
 */
export const productVersion: string = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../package.json"), "utf8"),
).version;
