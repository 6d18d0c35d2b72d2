import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, makeQueryClient, prefetchFirstScreen } from "./App.tsx";
import { makeTrpcClient } from "./trpc.ts";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  const queryClient = makeQueryClient();
  const trpcClient = makeTrpcClient();
  prefetchFirstScreen(queryClient, trpcClient, window.location);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} trpcClient={trpcClient} />
    </StrictMode>,
  );
}
