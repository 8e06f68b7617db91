// `npm run docs:serve`: serves the built site at http://127.0.0.1:8080 (--host/--port or HOST/PORT;
// --root serves another folder, as the hostile-input gate does).
import { parseArgs } from "node:util";
import { defaultHost, defaultPort, startDocsServer } from "./docs-server.ts";

const { values } = parseArgs({ options: { host: { type: "string" }, port: { type: "string" }, root: { type: "string" } } });
const host = values.host ?? process.env.HOST ?? defaultHost;
const port = Number(values.port ?? process.env.PORT ?? defaultPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

try {
  const server = await startDocsServer({ host, port, ...(values.root !== undefined ? { root: values.root } : {}) });
  // The last guard: an error no request handler caught is logged, and the site keeps being served.
  process.on("uncaughtException", (error) => console.error(`docs: unexpected error (still serving): ${error.stack ?? error.message}`));
  console.log(`Docs site: ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`✗ docs: ${(error as Error).message}`);
  process.exit(1);
}
