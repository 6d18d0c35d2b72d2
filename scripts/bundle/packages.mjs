// Copies the external packages and everything they depend on out of pnpm's store layout into one
// flat node_modules, leaving out what only developers read (types, maps, docs, tests).
import fs from "node:fs";
import path from "node:path";

const SKIP =
  /(\.d\.[mc]?ts|\.map|\.md|\.markdown|\.tsbuildinfo)$|(^|\/)(test|tests|__tests__|docs?|examples?|\.github)(\/|$)/i;
const KEEP = /(^|\/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$/i;

/** Where `name` is visible from a package directory in pnpm's layout (`.pnpm/<id>/node_modules/`). */
function resolveFrom(dir, name) {
  let d = dir;
  for (;;) {
    const candidate = path.join(d, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return fs.realpathSync(candidate);
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

/** The pnpm `node_modules` folder that holds a package (and its dependencies as siblings). */
const holder = (real, name) => path.resolve(real, ...name.split("/").map(() => ".."));

export function copyPackages(names, fromDir, toDir) {
  const done = new Map(); // name -> version copied at the top level
  const visit = (name, real, target) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(real, "package.json"), "utf8"));
    const dest = path.join(target, name);
    if (fs.existsSync(dest)) return;
    fs.cpSync(real, dest, {
      recursive: true,
      dereference: true,
      filter: (src) => {
        const rel = path.relative(real, src).split(path.sep).join("/");
        if (rel === "" || KEEP.test(rel)) return true;
        return !rel.startsWith("node_modules") && !SKIP.test(rel);
      },
    });
    const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
    for (const dep of Object.keys(deps)) {
      const depReal = resolveFrom(holder(real, name), dep) ?? resolveFrom(real, dep);
      if (!depReal) continue; // an optional dependency for another platform
      const version = JSON.parse(fs.readFileSync(path.join(depReal, "package.json"), "utf8")).version;
      const top = done.get(dep);
      if (top === undefined) {
        done.set(dep, version);
        visit(dep, depReal, toDir);
      } else if (top !== version) {
        visit(dep, depReal, path.join(dest, "node_modules"));
      }
    }
  };
  for (const name of names) {
    const real = resolveFrom(fromDir, name);
    if (!real) throw new Error(`${name} is not installed in ${fromDir}`);
    done.set(name, JSON.parse(fs.readFileSync(path.join(real, "package.json"), "utf8")).version);
    visit(name, real, toDir);
  }
  return [...done.keys()].sort();
}
