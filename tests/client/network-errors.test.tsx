import http from "node:http";
import net from "node:net";
import { render, screen } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Providers } from "../../client/App.tsx";
import { plainMessage } from "../../client/errors.ts";
import AuditRoute from "../../client/routes/audit.tsx";
import { makeTrpcClient } from "../../client/trpc.ts";

/**
 * Stands in for a server that answers with a proxy's HTML error page, and notes the language each
 * call names (the Fastify app itself cannot load in the client tests' jsdom; the server tests
 * check that it answers in the named language).
 */
const seen: (string | undefined)[] = [];
const proxy = http.createServer((req, res) => {
  seen.push(req.headers["x-qt-locale"] as string | undefined);
  res.writeHead(502, { "content-type": "text/html" }).end("<!DOCTYPE html><h1>502 Bad Gateway</h1>");
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}/api/trpc`;
});
afterAll(() => new Promise((resolve) => proxy.close(resolve)));
afterEach(() => localStorage.clear());

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("no raw browser error strings", () => {
  it("maps what Chrome, Firefox and Safari say, and a proxy's HTML page, to a sentence in the chosen language", () => {
    for (const raw of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"]) {
      expect(plainMessage(raw, "vi")).toBe("Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.");
      expect(plainMessage(raw, "en")).toBe("Cannot reach the server. Check the network and try again.");
    }
    const html = `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`;
    expect(plainMessage(html, "vi")).toMatch(/^Máy chủ trả lời không đúng dạng/);
    expect(plainMessage(html, "en")).toMatch(/^The server sent an unexpected answer/);
    // A catalogue message (a schema's, `keyed`) is said in the chosen language (decision 042); any
    // other text the server wrote is shown as it is, never guessed back from its words.
    expect(plainMessage("auth.loginRequired", "vi")).toBe("Vui lòng đăng nhập.");
    expect(plainMessage("auth.loginRequired", "en")).toBe("Please sign in.");
    expect(plainMessage("Vui lòng đăng nhập.", "en")).toBe("Vui lòng đăng nhập.");
  });

  it("a server that does not answer: the screen says so in Vietnamese, or in English when chosen", async () => {
    const dead = makeTrpcClient(`http://127.0.0.1:${await closedPort()}/api/trpc`);
    const view = render(
      <Providers trpcClient={dead}>
        <AuditRoute />
      </Providers>,
    );
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.");
    expect(alert).not.toHaveTextContent(/fetch/i);
    view.unmount();
    localStorage.setItem("qt.locale", "en");
    render(
      <Providers trpcClient={makeTrpcClient(`http://127.0.0.1:${await closedPort()}/api/trpc`)}>
        <AuditRoute />
      </Providers>,
    );
    expect(await screen.findByRole("alert", {}, { timeout: 5000 })).toHaveTextContent(
      "Cannot reach the server. Check the network and try again.",
    );
  });

  it("an answer that is not the server's JSON: a plain sentence; every call names the chosen language", async () => {
    localStorage.setItem("qt.locale", "en");
    render(
      <Providers trpcClient={makeTrpcClient(url)}>
        <AuditRoute />
      </Providers>,
    );
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("The server sent an unexpected answer (it may be restarting).");
    expect(alert).not.toHaveTextContent(/JSON|token|DOCTYPE/);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(["en"]));
  });
});
