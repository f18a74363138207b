import { createServer } from "node:http";
import next from "next";

/*
 * The production server: Next's own request handler behind a plain Node
 * HTTP server, so that every response can pass through the app's own code
 * on its way out (security headers, per-response CSP nonces) without a
 * proxy on the hot public paths.
 */
const port = Number(process.env.PORT || 3000);
const dev = process.argv.includes("--dev");

const app = next({ dev, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  void handle(req, res);
});
server.listen(port, () => {
  console.log(`Ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
