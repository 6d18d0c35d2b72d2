import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";

/**
 * With QT_FILE_CPU=path (a measuring aid, decision 043): each test file's CPU (user + system, in
 * seconds, of its worker and of the processes it started and waited for) and wall, one JSON line
 * per file appended to that path.
 */
const out = process.env.QT_FILE_CPU;

function cpu(): number {
  // /proc/self/stat: utime, stime, cutime, cstime (fields 14-17) in clock ticks of 1/100 s.
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}

if (out) {
  let started = { cpu: 0, at: 0 };
  beforeAll(() => {
    started = { cpu: cpu(), at: Date.now() };
  });
  // biome-ignore lint/correctness/noEmptyPattern: vitest takes a hook's first parameter for fixtures (an object pattern); the file is the second.
  afterAll(({}, suite) => {
    const file = "filepath" in suite ? String(suite.filepath) : suite.name;
    const line = {
      file,
      cpu: +(cpu() - started.cpu).toFixed(2),
      wall: (Date.now() - started.at) / 1000,
      pid: process.pid,
    };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
