import "@testing-library/jest-dom/vitest";
import "@qt/shared/messages/all";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach } from "vitest";

// Screens query the real router and a real database in the test process; on a loaded two-core
// machine the first queries of a freshly loaded database can take more than the default second.
// A screen that never shows what is awaited still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

// The app loads English as a chunk when it is chosen (main.tsx, the provider) and the words of the
// screens beyond the first with their chunks; screens under test have every word from their first
// render (messages/all.ts; tests/client/message-parts.test.tsx checks the parts' loading).

afterEach(() => cleanup());
// Files share one jsdom when not isolated (vitest.config.ts): what one file remembered (the
// language) must not reach the next.
afterAll(() => localStorage.clear());

// jsdom's Blob has no arrayBuffer(), which PGlite calls when it loads an extension (pg_trgm) into a
// test database created under jsdom; FileReader is jsdom's own way to read one.
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
