// Starts snapshot-reader.ts in a process of its own when the server runs from its TypeScript sources
// (tsx, the tests): `node snapshot-reader-boot.mjs ENTRY DIR` loads tsx, then the reader. The bundle
// (scripts/bundle) starts its compiled snapshot-reader directly and never loads this file.
const [entry] = process.argv.slice(2);
const { tsImport } = await import("tsx/esm/api");
await tsImport(entry, import.meta.url);
