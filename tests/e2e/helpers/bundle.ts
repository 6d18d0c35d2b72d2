import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Runs an extracted offline bundle's `bin/start` as an operator would: a minimal environment (no
 * variable of this test process leaks in), and with `isolated` inside a new network namespace
 * that has nothing but loopback (`unshare --net`, root only), so any attempt to reach the network
 * fails. HTTP checks then run in that namespace too (`probe`, through nsenter).
 */
export type BundleProcess = {
  pid: number;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

export function startBundle(dir: string, env: Record<string, string>, opts: { isolated: boolean }): BundleProcess {
  const start = path.join(dir, "bin", "start");
  const [cmd, args] = opts.isolated
    ? ["unshare", ["--net", "sh", "-c", 'ip link set lo up && exec "$0"', start]]
    : [start, []];
  const child: ChildProcess = spawn(cmd, args as string[], {
    env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    },
  };
}

export type ProbeResult = {
  health: { status: string; database: string; version: string };
  healthAt: number;
  figures: Record<string, unknown>;
  page: number;
  pageType: string;
};

/** Waits for /api/health, signs in and reads dashboard.summary from inside `pid`'s network namespace. */
export async function probe(
  dir: string,
  pid: number,
  port: number,
  password: string,
  opts = { isolated: true },
): Promise<ProbeResult> {
  if (opts.isolated) await ownNamespace(pid);
  // Asynchronous, so that the server's output keeps being read meanwhile.
  const { stdout } = await run(
    "nsenter",
    [
      "-t",
      String(pid),
      "-n",
      path.join(dir, "runtime", "node"),
      path.resolve(import.meta.dirname, "bundle-probe.mjs"),
      `http://127.0.0.1:${port}`,
      password,
    ],
    180_000,
  );
  return JSON.parse(stdout) as ProbeResult;
}

/** Waits until `pid` has left this process's network namespace (unshare runs just after spawn). */
async function ownNamespace(pid: number) {
  const ns = (p: string) => fs.readlinkSync(`/proc/${p}/ns/net`);
  for (let i = 0; ns(String(pid)) === ns("self"); i++) {
    if (i > 100) throw new Error(`process ${pid} is still in the host's network namespace`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The network interfaces `pid` sees. */
export async function interfacesOf(pid: number): Promise<string[]> {
  const { stdout } = await run("nsenter", ["-t", String(pid), "-n", "ip", "-o", "link"], 10_000);
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(":")[1]?.trim() ?? "");
}

function run(cmd: string, args: string[], timeout: number): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: "utf8", timeout }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")}: ${err.message}\n${stderr}`));
      else resolve({ stdout });
    });
  });
}
