export type ServerProcess = {
  url: string;
  port: number;
  dataDir: string;
  /** The server's own process id (memory can be read from /proc/PID/status). */
  pid: number;
  /** How long the server took to answer /api/health, in ms. */
  startMs: number;
  output: () => string;
  /** SIGTERM (a clean shutdown); removes the data directory unless the caller gave it. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or `kill -9` would: nothing runs in the server after it. */
  kill: () => Promise<void>;
};
export function startServer(opts?: {
  env?: Record<string, string>;
  dataDir?: string;
  prefix?: string;
  password?: string;
  nodeArgs?: string[];
  onStdout?: (line: string) => void;
  echo?: boolean | "stderr";
  timeoutMs?: number;
}): Promise<ServerProcess>;
export function login(
  url: string,
  username: string,
  password: string,
  headers?: Record<string, string>,
): Promise<string>;
export function rssMb(pid: number): number;
