import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  // `pnpm dev`: the API runs on :3000, Vite serves the client with hot reload on :5173.
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
