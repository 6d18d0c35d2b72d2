// Starts snapshot-reader.ts in a worker thread when the server runs from its TypeScript sources
// (tsx, the tests): a worker does not inherit the parent's loader, so it loads tsx itself. The
// bundle (scripts/bundle) starts its compiled snapshot-reader directly and never loads this file.
import { workerData } from "node:worker_threads";

const { tsImport } = await import("tsx/esm/api");
await tsImport(workerData.entry, import.meta.url);
