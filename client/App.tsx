import { policeName } from "@qt/shared/province";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, Suspense, useState } from "react";
import { AppNav } from "./components/AppNav.tsx";
import { Forbidden } from "./components/Forbidden.tsx";
import { Loading } from "./components/QueryState.tsx";
import { CONTENT_ID, SkipLink } from "./components/SkipLink.tsx";
import { isTransient } from "./errors.ts";
import { AuditAlertBanner } from "./features/audit/AuditAlertBanner.tsx";
import { AccountMenu } from "./features/auth/AccountMenu.tsx";
import { AuthGate } from "./features/auth/AuthGate.tsx";
import { IdleWarning } from "./features/auth/IdleWarning.tsx";
import { DemoNotice } from "./features/demo/DemoNotice.tsx";
import { I18nProvider, useI18n } from "./i18n/I18nProvider.tsx";
import { useProvince } from "./province.ts";
import { BrowserRouter, Route, Routes } from "./router.tsx";
import { ROUTES } from "./routes/index.ts";
import { makeTrpcClient, TRPCProvider, type TrpcClient } from "./trpc.ts";

export function makeQueryClient() {
  // Dashboard figures change only when staff edit records; mutations invalidate by path.
  return new QueryClient({
    defaultOptions: {
      // One retry for network or server glitches; a refusal (401/403/404, bad input) is an answer.
      queries: { staleTime: 60_000, retry: (failures, err) => failures < 1 && isTransient(err) },
    },
  });
}

export type Clients = { queryClient?: QueryClient; trpcClient?: TrpcClient };

/** Query, tRPC and i18n providers: the same ones the app and the component tests use. */
export function Providers({ children, ...given }: Clients & { children: ReactNode }) {
  const [queryClient] = useState(() => given.queryClient ?? makeQueryClient());
  const [trpcClient] = useState(() => given.trpcClient ?? makeTrpcClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider>{children}</I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The header, and behind the auth gate the account menu, the navigation allowed to the role and the screens. */
export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const province = useProvince();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div>
          <p className="app-province">{province ? policeName(province, locale) : ""}</p>
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
      <AuthGate>
        {(me) => {
          // Screens limited to some roles are hidden from the others' navigation and answer them with
          // a forbidden notice (the server refuses their data anyway).
          const allowed = (r: (typeof ROUTES)[number]) => !r.roles || r.roles.includes(me.role);
          return (
            <>
              <div className="app-bar">
                <AppNav routes={ROUTES.filter(allowed)} />
                <AccountMenu me={me} />
              </div>
              <IdleWarning idleMinutes={me.sessionIdleMinutes} />
              {me.role === "admin" && <AuditAlertBanner />}
              {me.role === "admin" && <DemoNotice />}
              <div id={CONTENT_ID} tabIndex={-1} className="content">
                <Suspense fallback={<Loading />}>
                  <Routes>
                    {ROUTES.map((r) => (
                      <Route key={r.path} path={r.path} element={allowed(r) ? <r.Component /> : <Forbidden />} />
                    ))}
                    <Route path="*" element={<Forbidden notFound />} />
                  </Routes>
                </Suspense>
              </div>
            </>
          );
        }}
      </AuthGate>
    </>
  );
}

export function App(clients: Clients) {
  return (
    <Providers {...clients}>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </Providers>
  );
}
