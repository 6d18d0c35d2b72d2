#!/usr/bin/env node
// `pnpm bundle [--out FILE]`: one .tar.gz that installs and runs the product on a Linux x64 server
// with no network (docs/decisions/014, the guide in docs/install/). Layout inside:
//   qt-phongtrao-<version>/bin/{start,backup,restore,user,report}   shell entry points
//   app/*.mjs            the server and CLIs compiled by esbuild     node_modules/  native/wasm packages only
//   runtime/node         the Node.js this was built with (+ LICENSE)  client/dist, prisma/migrations,
//   server/assets/fonts, package.json (the version), INSTALL.*.md, qt-phongtrao.service
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileServer, ENTRIES, EXTERNAL, thirdPartyLicences } from "./bundle/compile.mjs";
import { copyPackages } from "./bundle/packages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { out: { type: "string" }, "skip-client-build": { type: "boolean" } } });
const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const name = `qt-phongtrao-${version}`;
const out = path.resolve(values.out ?? path.join(root, "dist", `${name}-linux-x64.tar.gz`));
const started = Date.now();
const step = (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

if (process.platform !== "linux" || process.arch !== "x64") {
  throw new Error(
    `The bundle is for Linux x64 and carries this machine's Node.js and native addons; this is ${process.platform}-${process.arch}.`,
  );
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

/** The Node.js licence: beside the binary in an official tarball, under /usr/share/doc in distribution packages. */
function nodeLicence() {
  const candidates = [
    path.resolve(path.dirname(process.execPath), "..", "LICENSE"),
    path.resolve(path.dirname(process.execPath), "..", "share", "doc", "node", "LICENSE"),
    "/usr/share/doc/nodejs/LICENSE",
  ];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found)
    throw new Error(`Node.js's LICENSE not found (looked in ${candidates.join(", ")}); it must ship with the runtime.`);
  return found;
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), "qt-bundle-"));
const appDir = path.join(stage, name);
try {
  if (!values["skip-client-build"]) {
    step("building the client");
    run("pnpm", ["--filter", "@qt/client", "build"]);
  }
  step("compiling the server");
  const metafile = await compileServer(root, appDir);
  fs.writeFileSync(path.join(appDir, "app", "THIRD-PARTY-LICENSES.txt"), thirdPartyLicences(root, metafile));

  step("copying native and WebAssembly packages");
  const copied = copyPackages(EXTERNAL, path.join(root, "server"), path.join(appDir, "node_modules"));
  console.log(`  ${copied.join(", ")}`);

  step("copying migrations, fonts, the client, the runtime and the guide");
  const copy = (from, to = from) => fs.cpSync(path.join(root, from), path.join(appDir, to), { recursive: true });
  copy("prisma/migrations");
  copy("server/assets/fonts");
  // The district and province outlines the maps read at run time (server/services/maps, decision 045).
  copy("server/assets/maps");
  copy("prisma/seed/data/geo");
  copy("client/dist");
  copy("docs/install/INSTALL.vi.md", "INSTALL.vi.md");
  copy("docs/install/INSTALL.en.md", "INSTALL.en.md");
  copy("docs/install/qt-phongtrao.service", "qt-phongtrao.service");
  fs.writeFileSync(
    path.join(appDir, "package.json"),
    `${JSON.stringify({ name: "qt-phongtrao", version, private: true, type: "module" }, null, 2)}\n`,
  );
  fs.mkdirSync(path.join(appDir, "runtime"));
  fs.copyFileSync(process.execPath, path.join(appDir, "runtime", "node"));
  fs.chmodSync(path.join(appDir, "runtime", "node"), 0o755);
  fs.copyFileSync(nodeLicence(), path.join(appDir, "runtime", "LICENSE"));
  fs.writeFileSync(path.join(appDir, "runtime", "VERSION"), `${process.version}\n`);
  fs.mkdirSync(path.join(appDir, "bin"));
  const template = fs.readFileSync(path.join(root, "docs", "install", "entry.sh"), "utf8");
  for (const entry of Object.keys(ENTRIES)) {
    const file = path.join(appDir, "bin", entry === "main" ? "start" : entry);
    fs.writeFileSync(file, template.replace("@ENTRY@", entry), { mode: 0o755 });
  }

  step("writing the archive");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tar = spawnSync("tar", ["-C", stage, "--owner=0", "--group=0", "-czf", out, name], { stdio: "inherit" });
  if (tar.status !== 0) throw new Error("tar failed");
  const du = spawnSync("du", ["-sb", appDir], { encoding: "utf8" }).stdout.split("\t")[0];
  const mb = (n) => `${(Number(n) / 1e6).toFixed(1)} MB`;
  step(`done: ${out}`);
  console.log(
    `  size ${mb(fs.statSync(out).size)} (extracted ${mb(du)}; of which Node.js ${mb(fs.statSync(process.execPath).size)})`,
  );
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
