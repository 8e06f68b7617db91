// A bare node:http server, the reference the bench compares against. It answers each configured
// "METHOD /path" with a fixed status, content type and body (BENCH_ROUTES, JSON); "*" answers the rest.
// Plain JavaScript run by `node`, so its start and speed carry no TypeScript loader.
import http from "node:http";

const routes = JSON.parse(process.env.BENCH_ROUTES ?? "{}");
const port = Number(process.argv[2] ?? 0);
const prepared = new Map(
  Object.entries(routes).map(([key, route]) => [
    key,
    {
      status: route.status ?? 200,
      headers: { "Content-Type": route.contentType ?? "application/json", "Content-Length": Buffer.byteLength(route.body) },
      body: route.body,
    },
  ]),
);

const server = http.createServer((request, response) => {
  // Read the whole request body, as a real server (and Prism) must before answering.
  request.resume();
  request.on("end", () => {
    const route = prepared.get(`${request.method} ${request.url}`) ?? prepared.get("*");
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(route.status, route.headers);
    response.end(route.body);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
