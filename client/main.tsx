import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, makeQueryClient } from "./App.tsx";
import { readFirstScreenData, startFirstScreen } from "./first-screen.ts";
import { makeTrpcClient } from "./trpc.ts";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  const queryClient = makeQueryClient();
  const trpcClient = makeTrpcClient();
  startFirstScreen(queryClient, trpcClient, window.location, readFirstScreenData(document));
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} trpcClient={trpcClient} />
    </StrictMode>,
  );
}
