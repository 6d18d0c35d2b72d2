import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense, useState } from "react";
import { BrowserRouter, NavLink, Route, Routes } from "react-router";
import { Loading } from "./components/QueryState.tsx";
import { I18nProvider, useI18n } from "./i18n/I18nProvider.tsx";
import { ROUTES } from "./routes/index.ts";
import { makeTrpcClient, TRPCProvider, type TrpcClient } from "./trpc.ts";

export function makeQueryClient() {
  // Dashboard figures change only when staff edit records; mutations invalidate by path.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });
}

/** Query, tRPC and i18n providers: the same ones the app and the component tests use. */
export function Providers({ children, trpcClient: given }: { children: ReactNode; trpcClient?: TrpcClient }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => given ?? makeTrpcClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider>{children}</I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { t, locale, setLocale } = useI18n();
  return (
    <>
      <header className="app-header">
        <div>
          <p className="app-province">{t("app.province")}</p>
          <h1>{t("app.title")}</h1>
        </div>
        <label className="lang">
          {t("app.language")}{" "}
          <select value={locale} onChange={(e) => setLocale(e.target.value === "en" ? "en" : "vi")}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <nav className="app-nav" aria-label={t("nav.label")}>
        {ROUTES.filter((r) => r.navKey).map((r) => (
          <NavLink key={r.path} to={r.path} end={r.path === "/"}>
            {r.navKey ? t(r.navKey) : null}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Loading />}>
        <Routes>
          {ROUTES.map(({ path, Component }) => (
            <Route key={path} path={path} element={<Component />} />
          ))}
        </Routes>
      </Suspense>
    </>
  );
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </Providers>
  );
}
