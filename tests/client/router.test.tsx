import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import {
  BrowserRouter,
  Link,
  MemoryRouter,
  NavLink,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from "../../client/router.tsx";

// The app's own router (decision 062) in place of react-router: what the screens rely on.

function Where() {
  const l = useLocation();
  return <output aria-label="where">{l.pathname + l.search}</output>;
}

function District() {
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <p>district {code}</p>
      <p>year {params.get("year") ?? "all"}</p>
      <button
        type="button"
        onClick={() => setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), year: "2024" }))}
      >
        year
      </button>
      <button type="button" onClick={() => navigate({ pathname: "/", search: "?year=2020" })}>
        home
      </button>
    </>
  );
}

function App() {
  return (
    <>
      <nav>
        <NavLink to="/" end>
          overview
        </NavLink>
        <NavLink to="/district">districts</NavLink>
        <Link to="/district/H%C3%A0%20N%E1%BB%99i?x=1">hanoi</Link>
        <Link to="?all=1">all</Link>
        <Link to={{ search: "" }}>plain</Link>
      </nav>
      <Routes>
        <Route path="/" element={<p>overview screen</p>} />
        <Route path="/district" element={<p>districts screen</p>} />
        <Route path="/district/:code" element={<District />} />
        <Route path="*" element={<p>not found</p>} />
      </Routes>
      <Where />
    </>
  );
}

const where = () => screen.getByRole("status", { name: "where" }).textContent;
const link = (name: string) => screen.getByRole("link", { name });

describe("the app's router", () => {
  afterEach(() => window.history.replaceState(null, "", "/"));

  it("draws the first matching route, decodes params, and marks the navigation link of the screen", async () => {
    render(
      <MemoryRouter initialEntries={["/District/01?year=2023"]}>
        <App />
      </MemoryRouter>,
    );
    // Paths match whatever their case, as react-router's did.
    expect(screen.getByText("district 01")).toBeInTheDocument();
    expect(screen.getByText("year 2023")).toBeInTheDocument();
    // "/district" is active below it; "/" with `end` only on itself.
    expect(link("districts")).toHaveAttribute("aria-current", "page");
    expect(link("districts")).toHaveClass("active");
    expect(link("overview")).not.toHaveAttribute("aria-current");
    // A search alone keeps the path; an empty search drops it.
    expect(link("all")).toHaveAttribute("href", "/District/01?all=1");
    expect(link("plain")).toHaveAttribute("href", "/District/01");
    await act(async () => fireEvent.click(link("hanoi")));
    expect(screen.getByText("district Hà Nội")).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "year" })));
    expect(where()).toBe("/district/H%C3%A0%20N%E1%BB%99i?x=1&year=2024");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "home" })));
    expect(screen.getByText("overview screen")).toBeInTheDocument();
    expect(where()).toBe("/?year=2020");
    expect(link("overview")).toHaveClass("active");
    expect(link("districts")).not.toHaveClass("active");
  });

  it("answers an unknown address with the catch-all route", () => {
    render(
      <MemoryRouter initialEntries={["/no/such/screen"]}>
        <App />
      </MemoryRouter>,
    );
    expect(screen.getByText("not found")).toBeInTheDocument();
  });

  it("in the browser: a link pushes a history entry, the same address replaces it, the back button returns", async () => {
    window.history.replaceState(null, "", "/district");
    render(
      <BrowserRouter>
        <App />
      </BrowserRouter>,
    );
    expect(screen.getByText("districts screen")).toBeInTheDocument();
    const before = window.history.length;
    await act(async () => fireEvent.click(link("overview")));
    expect(window.location.pathname).toBe("/");
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByText("overview screen")).toBeInTheDocument();
    // The same address again replaces it: no second entry.
    await act(async () => fireEvent.click(link("overview")));
    expect(window.history.length).toBe(before + 1);
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener("popstate", r, { once: true }));
    });
    expect(window.location.pathname).toBe("/district");
    expect(screen.getByText("districts screen")).toBeInTheDocument();
  });
});
