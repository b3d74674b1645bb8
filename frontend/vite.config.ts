import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The Python server serves the build from src/reelarr/web and injects <base href="{urlBase}/"> into
// index.html, so every asset URL is relative ("./") and works under any URL base and on nested routes.
// `npm run dev` proxies the server's endpoints to a Reelarr running on REELARR_DEV_SERVER.
const server = process.env.REELARR_DEV_SERVER ?? "http://127.0.0.1:7878";

// Pages the SPA renders itself on GET, while their POST belongs to the server.
const spaOnGet = { target: server, bypass: (req: { method?: string }) => (req.method === "GET" ? "/index.html" : undefined) };

export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../src/reelarr/web",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": server,
      "/initialize.json": server,
      "/ping": server,
      "/ws": { target: server, ws: true },
      "/login": spaOnGet,
      "/setup": spaOnGet,
      "/logout": server,
    },
  },
});
