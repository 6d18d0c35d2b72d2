// Run inside the bundle's network namespace (nsenter): waits for /api/health, signs in as admin,
// reads dashboard.summary and prints what it saw as one JSON line. Usage: node bundle-probe.mjs URL PASSWORD
const [url, password] = process.argv.slice(2);
const started = Date.now();
const client = { "x-qt-client": "web", "content-type": "application/json" };

let health;
for (;;) {
  try {
    const res = await fetch(`${url}/api/health`);
    if (res.ok) {
      health = await res.json();
      break;
    }
  } catch {
    // not listening yet
  }
  if (Date.now() - started > 170_000) throw new Error("no /api/health answer in 170 s");
  await new Promise((r) => setTimeout(r, 100));
}
const healthAt = Date.now();
const login = await fetch(`${url}/api/trpc/auth.login`, {
  method: "POST",
  headers: client,
  body: JSON.stringify({ username: "admin", password }),
});
if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
// Former Quảng Trị, whose records the demo data are (the article's 73/126, 1.131 cameras).
const input = encodeURIComponent(JSON.stringify({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 }));
const summary = await fetch(`${url}/api/trpc/dashboard.summary?input=${input}`, { headers: { cookie } });
if (!summary.ok) throw new Error(`dashboard.summary: ${summary.status} ${await summary.text()}`);
const { asOf: _asOf, ...figures } = (await summary.json()).result.data;
const page = await fetch(url);
console.log(
  JSON.stringify({ health, healthAt, figures, page: page.status, pageType: page.headers.get("content-type") }),
);
