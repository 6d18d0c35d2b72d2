// Compiles the server and its command-line tools into a few ES modules (esbuild), leaving out
// what must stay a real package on disk: native addons and PGlite's WebAssembly and data files.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

/** Packages loaded from node_modules at run time (native .node files, wasm/data read beside their code). */
export const EXTERNAL = ["@electric-sql/pglite", "@node-rs/argon2", "@resvg/resvg-js"];

export const ENTRIES = {
  main: "server/main.ts",
  user: "server/cli/user.ts",
  report: "server/cli/report.ts",
  backup: "server/cli/backup.ts",
  restore: "server/cli/restore.ts",
  "audit-verify": "server/cli/audit-verify.ts",
};

/** Helper processes' code, compiled beside the entries (no bin/ script): the backup's snapshot reader (snapshot.ts). */
const WORKERS = { "backup-reader": "server/services/backup/snapshot-reader.ts" };

/**
 * The sources find their files (migrations, fonts, the built client, package.json) relative to
 * their own location. In the bundle all code runs from `app/`, so each file's `import.meta.url`
 * and `import.meta.dirname` are rewritten to where that file sat in the repository, which is
 * where the bundle puts those files again (`<bundle>/server/assets/fonts`, `<bundle>/prisma/...`).
 */
const sourcePaths = (root) => ({
  name: "source-paths",
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const rel = path.relative(root, args.path).split(path.sep).join("/");
      const code = fs.readFileSync(args.path, "utf8");
      if (!code.includes("import.meta.")) return { contents: code, loader: "ts" };
      const url = `new URL(${JSON.stringify(`../${rel}`)}, import.meta.url).href`;
      const dir = `__qtFileUrlToPath(new URL(${JSON.stringify(`../${path.posix.dirname(rel)}/`)}, import.meta.url)).replace(/\\/$/, "")`;
      const contents = code.replace(/import\.meta\.(dirname|url)\b/g, (_, what) => (what === "url" ? url : dir));
      return { contents, loader: "ts" };
    });
  },
});

export async function compileServer(root, appDir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { ...ENTRIES, ...WORKERS },
    outdir: path.join(appDir, "app"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    minify: true,
    legalComments: "none",
    external: [...EXTERNAL, "pg-native"],
    // Some CommonJS dependencies call require(); give ES modules one.
    banner: {
      js: 'import { createRequire as __qtCreateRequire } from "node:module"; import { fileURLToPath as __qtFileUrlToPath } from "node:url"; const require = __qtCreateRequire(import.meta.url);',
    },
    plugins: [sourcePaths(root)],
    logLevel: "warning",
    metafile: true,
  });
  return result.metafile;
}

/** The licence texts of every package compiled into app/, as their licences ask when code is redistributed. */
export function thirdPartyLicences(root, metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.set(m[2], path.join(root, m[1], m[2]));
  }
  const parts = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const files = fs.readdirSync(dir).filter((f) => /^(LICEN[CS]E|COPYING|NOTICE)/i.test(f));
    const texts = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim());
    parts.push(
      `== ${name}@${pkg.version} (${pkg.license ?? "see text"}) ==\n\n${texts.join("\n\n") || `License: ${pkg.license}`}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}
