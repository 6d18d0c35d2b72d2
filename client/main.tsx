import { loadLanguage } from "@qt/shared/messages/index";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, makeQueryClient } from "./App.tsx";
import { readFirstScreenData, startFirstScreen } from "./first-screen.ts";
import { storedLocale } from "./i18n/I18nProvider.tsx";
import { makeTrpcClient } from "./trpc.ts";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  const queryClient = makeQueryClient();
  const trpcClient = makeTrpcClient();
  startFirstScreen(queryClient, trpcClient, window.location, readFirstScreenData(document));
  // English is a chunk of its own: a browser that chose it draws its first screen once it came.
  const draw = () =>
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} trpcClient={trpcClient} />
      </StrictMode>,
    );
  loadLanguage(storedLocale()).then(draw, draw);
}
