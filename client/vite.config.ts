import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Brotli and gzip copies of every built script and style sheet, which the server sends to browsers
 * that accept them (docs/decisions/008; the page itself is made per request, server/http/shell.ts): a third of the bytes on a district office's network, compressed once
 * at build time at the highest levels instead of on every request.
 */
function precompress(): Plugin {
  return {
    name: "qt-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        const br = zlib.brotliCompressSync(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        });
        fs.writeFileSync(`${file}.br`, br);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  // No modulepreload polyfill (0.4 KB gzip on the first screen, decision 062): every browser the
  // offices use reads <link rel="modulepreload"> (Chrome 66, Firefox 115, Safari 17); an older
  // one only fetches the same modules when the entry imports them.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, modulePreload: { polyfill: false } },
  // `pnpm dev`: the API runs on :3000, Vite serves the client with hot reload on :5173.
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
