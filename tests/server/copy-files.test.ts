import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catchUp, copyAll } from "../../server/db/copy-files.ts";

// The snapshot's copy (decision 030): the first pass runs while the database writes, the catch-up
// in its turn must leave the copy equal to the files as they are then — changed files (even with
// the same size, within the file system's clock tick), new and removed ones, empty folders.

const work = fs.mkdtempSync(path.join(os.tmpdir(), "qt-copy-files-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file under `root` with its content, and every folder. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, rel);
    out[rel] = fs.statSync(full).isDirectory() ? "<dir>" : fs.readFileSync(full, "utf8");
  }
  return out;
}

describe("the snapshot's two-pass copy", () => {
  it("ends equal to the source as of the catch-up", async () => {
    const from = path.join(work, "pg");
    const to = path.join(work, "copy");
    fs.mkdirSync(path.join(from, "base", "1"), { recursive: true });
    fs.mkdirSync(path.join(from, "pg_tblspc"));
    fs.writeFileSync(path.join(from, "base", "1", "100"), "aaaa");
    fs.writeFileSync(path.join(from, "base", "1", "200"), "gone");
    fs.writeFileSync(path.join(from, "pg_control"), "v1");
    const first = await copyAll(from, to);
    expect(tree(to)).toEqual(tree(from));
    // Written after the first pass with the same size, and, as on a file system whose clock ticks
    // coarsely, the same modification time as the first pass saw.
    const changed = path.join(from, "base", "1", "100");
    const seen = fs.statSync(changed);
    fs.writeFileSync(changed, "bbbb");
    fs.utimesSync(changed, seen.atimeMs / 1000, seen.mtimeMs / 1000);
    fs.writeFileSync(path.join(from, "pg_control"), "v2");
    fs.rmSync(path.join(from, "base", "1", "200"));
    fs.mkdirSync(path.join(from, "base", "2"));
    fs.writeFileSync(path.join(from, "base", "2", "300"), "new");
    await catchUp(from, to, first);
    expect(tree(to)).toEqual(tree(from));
    expect(fs.readFileSync(path.join(to, "base", "1", "100"), "utf8")).toBe("bbbb");
  });

  it("keeps the first pass's copy of a file untouched since well before it", async () => {
    const from = path.join(work, "old");
    const to = path.join(work, "old-copy");
    fs.mkdirSync(from);
    const file = path.join(from, "relation");
    fs.writeFileSync(file, "same");
    const long = new Date(Date.now() - 60_000);
    fs.utimesSync(file, long, long);
    const first = await copyAll(from, to);
    // Marks the copy: a catch-up that copied the file again would overwrite it.
    fs.writeFileSync(path.join(to, "relation"), "kept");
    await catchUp(from, to, first);
    expect(fs.readFileSync(path.join(to, "relation"), "utf8")).toBe("kept");
  });
});
