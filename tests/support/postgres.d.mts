export function findPostgresBin(): string | null;
export function freePort(): Promise<number>;
export function startPostgres(opts?: {
  settings?: string[];
  port?: number;
}): Promise<{ url: (db: string) => string; stop: () => void } | null>;
export function onServer(url: string, sql: string): Promise<void>;
