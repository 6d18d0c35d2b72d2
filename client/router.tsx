import {
  type AnchorHTMLAttributes,
  Children,
  createContext,
  isValidElement,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from "react";

/**
 * The app's router (decision 062): the few pieces of react-router the screens used — a browser
 * router and a memory one for tests, `Routes`/`Route` with `:param` and `*`, `Link`, `NavLink`,
 * `useLocation`, `useNavigate`, `useParams`, `useSearchParams` — with the same behaviour, in about
 * 1 KB instead of react-router's 13 KB on the first screen.
 */

export type Location = { pathname: string; search: string; hash: string; key: string };
/** An address: absolute ("/district/01?year=2024"), a search alone ("?all=1"), or its parts. */
export type To = string | { pathname?: string; search?: string; hash?: string };
export type NavigateOptions = { replace?: boolean };

type History = {
  location: () => Location;
  go: (href: string, replace: boolean) => void;
  listen: (onChange: () => void) => () => void;
};

type RouterState = { location: Location; navigate: (to: To, opts?: NavigateOptions) => void };

const RouterContext = createContext<RouterState | null>(null);
const ParamsContext = createContext<Record<string, string>>({});

let keys = 0;
const nextKey = () => (++keys).toString(36);

function parse(href: string, key: string): Location {
  const url = new URL(href, "http://x");
  return { pathname: url.pathname, search: url.search, hash: url.hash, key };
}

const hrefOf = (l: { pathname: string; search: string; hash: string }) => l.pathname + l.search + l.hash;

/** The address `to` names, read from `from` (a search or an object without pathname keeps its path). */
export function resolve(to: To, from: Location): string {
  if (typeof to === "string") {
    if (to.startsWith("?")) return from.pathname + (to === "?" ? "" : to);
    return hrefOf(parse(new URL(to, `http://x${from.pathname}`).href, ""));
  }
  const search = to.search ? (to.search.startsWith("?") ? to.search : `?${to.search}`) : "";
  const hash = to.hash ? (to.hash.startsWith("#") ? to.hash : `#${to.hash}`) : "";
  return (to.pathname ?? from.pathname) + (search === "?" ? "" : search) + hash;
}

function Router({ history, children }: { history: History; children: ReactNode }) {
  const [location, setLocation] = useState(history.location);
  // Like react-router: the screen changes in a transition, so a screen still loading its chunk keeps
  // the one before on the page instead of a blank fallback.
  useLayoutEffect(() => history.listen(() => startTransition(() => setLocation(history.location()))), [history]);
  const navigate = useCallback(
    (to: To, opts: NavigateOptions = {}) => {
      const href = resolve(to, history.location());
      history.go(href, opts.replace ?? false);
    },
    [history],
  );
  const state = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={state}>{children}</RouterContext.Provider>;
}

function browserHistory(): History {
  let current = parse(window.location.href, window.history.state?.key ?? nextKey());
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  window.addEventListener("popstate", () => {
    current = parse(window.location.href, window.history.state?.key ?? nextKey());
    changed();
  });
  return {
    location: () => current,
    go: (href, replace) => {
      current = parse(new URL(href, window.location.href).href, nextKey());
      const state = { key: current.key };
      if (replace) window.history.replaceState(state, "", href);
      else window.history.pushState(state, "", href);
      changed();
    },
    listen: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function memoryHistory(initial: string): History {
  let current = parse(initial, nextKey());
  const listeners = new Set<() => void>();
  return {
    location: () => current,
    go: (href, _replace) => {
      current = parse(href, nextKey());
      for (const l of listeners) l();
    },
    listen: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The app's router: the browser's address bar and its back and forward buttons. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  const [history] = useState(browserHistory);
  return <Router history={history}>{children}</Router>;
}

/** A router whose address lives in memory (client tests). */
export function MemoryRouter({ initialEntries = ["/"], children }: { initialEntries?: string[]; children: ReactNode }) {
  const [history] = useState(() => memoryHistory(initialEntries[initialEntries.length - 1] ?? "/"));
  return <Router history={history}>{children}</Router>;
}

function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error("outside a router");
  return router;
}

export const useLocation = (): Location => useRouter().location;
export const useNavigate = () => useRouter().navigate;
export const useParams = (): Record<string, string | undefined> => useContext(ParamsContext);

type SearchInit = URLSearchParams | string | Record<string, string>;

/** The address's search as URLSearchParams, and a setter that navigates to the same path with another. */
export function useSearchParams(): [
  URLSearchParams,
  (next: SearchInit | ((prev: URLSearchParams) => SearchInit), opts?: NavigateOptions) => void,
] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const set = useCallback(
    (next: SearchInit | ((prev: URLSearchParams) => SearchInit), opts?: NavigateOptions) => {
      const value = new URLSearchParams(typeof next === "function" ? next(new URLSearchParams(params)) : next);
      navigate(`?${value}`, opts);
    },
    [navigate, params],
  );
  return [params, set];
}

/** The params of `pattern` ("/district/:code", "*") in `pathname`, or null when it does not match. */
export function match(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === "*") return {};
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? "";
    if (w.startsWith(":")) params[w.slice(1)] = decodeURIComponent(g);
    else if (w.toLowerCase() !== g.toLowerCase()) return null;
  }
  return params;
}

type RouteProps = { path: string; element: ReactNode };

/** A screen's address and what it draws; only inside `Routes`. */
export function Route(_: RouteProps): ReactElement | null {
  return null;
}

/** Draws the first `Route` whose path matches the address. */
export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  for (const child of Children.toArray(children)) {
    if (!isValidElement<RouteProps>(child)) continue;
    const params = match(child.props.path, pathname);
    if (params) return <ParamsContext.Provider value={params}>{child.props.element}</ParamsContext.Provider>;
  }
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: To; replace?: boolean };

/** A link that changes the screen without loading the page again (a new tab, a modified click: the browser's). */
export function Link({ to, replace, onClick, target, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  const href = resolve(to, location);
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || (target && target !== "_self")) return;
    if (e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    // The same address again replaces it, as react-router did: no duplicate history entry.
    navigate(href, { replace: replace ?? href === hrefOf(location) });
  };
  return <a {...rest} href={href} target={target} onClick={click} />;
}

/** A navigation link marked `active` (and aria-current="page") on its screen and, unless `end`, below it. */
export function NavLink({ end, className, ...props }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const to = resolve(props.to, useLocation()).split(/[?#]/)[0] ?? "/";
  const path = pathname.toLowerCase();
  const target = to.toLowerCase();
  const slash = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  const active = path === target || (!end && path.startsWith(target) && path.charAt(slash) === "/");
  return (
    <Link
      {...props}
      aria-current={active ? "page" : undefined}
      className={[className, active ? "active" : null].filter(Boolean).join(" ") || undefined}
    />
  );
}
