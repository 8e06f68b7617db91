// The landing page: one section per API with what a reader needs to start, all taken from the bundles.
import type { ApiSummary, ServerSummary } from "./api-summary.ts";
import { clientPackages, installLine, mockDefaultPorts, mockStartLine, npmPackageUrl } from "./api-distribution.ts";
import { escapeHtml, inlineMarkdown } from "./html.ts";
import { pageShell } from "./page-shell.ts";

export interface LandingPageApi {
  summary: ApiSummary;
  hasChangelog: boolean;
}

function renderServer(server: ServerSummary): string {
  const variables = server.variables
    .map((variable) => {
      const others = variable.values.filter((value) => value !== variable.default);
      const values = others.length ? `; also ${others.map((value) => `<code>${escapeHtml(value)}</code>`).join(", ")}` : "";
      return `<li><code>{${escapeHtml(variable.name)}}</code>: default <code>${escapeHtml(variable.default)}</code>${values}</li>`;
    })
    .join("");
  return `
            <li>
              <code class="url">${escapeHtml(server.url)}</code>${server.description ? `<br><span class="muted">${inlineMarkdown(server.description)}</span>` : ""}${
                variables ? `\n              <ul class="variables">${variables}</ul>` : ""
              }
            </li>`;
}

function renderApi({ summary, hasChangelog }: LandingPageApi): string {
  const { api } = summary;
  const headingId = `${api}-title`;
  const count = summary.operations.length;
  const changelog = hasChangelog ? `\n            <li><a href="${api}/changelog.html">Changelog</a></li>` : "";
  return `
      <section class="api" id="${api}" aria-labelledby="${headingId}">
        <h2 id="${headingId}">${escapeHtml(summary.title)} <span class="version">v${escapeHtml(summary.version)}</span></h2>
        ${summary.tagline ? `<p>${inlineMarkdown(summary.tagline)}</p>` : ""}
        <ul class="actions">
          <li><a class="primary" href="${api}/index.html">API reference<span class="visually-hidden">: ${escapeHtml(summary.title)}</span></a></li>
          <li><a href="${api}/openapi.yaml" download>openapi.yaml</a></li>
          <li><a href="${api}/openapi.json" download>openapi.json</a></li>${changelog}
            <li><a href="${api}/notes.html">Notes on this transcription</a></li>
        </ul>
        <dl>
          <dt>Operations</dt>
          <dd>${count} operation${count === 1 ? "" : "s"}</dd>
          <dt>Server${summary.servers.length === 1 ? "" : "s"}</dt>
          <dd>
            <ul class="servers">${summary.servers.map(renderServer).join("")}
            </ul>
          </dd>
          <dt>Authentication</dt>
          <dd>${inlineMarkdown(summary.authentication)}</dd>
          <dt>Client</dt>
          <dd>
            <a href="${npmPackageUrl(clientPackages[api])}">${escapeHtml(clientPackages[api])}</a> on npm
            <pre><code>${escapeHtml(installLine(api))}</code></pre>
          </dd>
          <dt>Mock server</dt>
          <dd>
            <pre><code>${escapeHtml(mockStartLine(api))}</code></pre>
            listens on <code>http://127.0.0.1:${mockDefaultPorts[api]}</code> by default and answers with the spec's examples.
          </dd>
        </dl>
      </section>`;
}

export function renderLandingPage(apis: LandingPageApi[], { packageChangelogs }: { packageChangelogs?: string } = {}): string {
  const changelogs = packageChangelogs ? `\n      <p><a href="${escapeHtml(packageChangelogs)}">Changelogs of every npm package</a></p>` : "";
  const body = `
      <h1>Managed Redis and Valkey control-plane APIs</h1>
      <p class="lead">OpenAPI 3.1 references for ${apis.length} managed Redis and Valkey control planes, with typed TypeScript clients and local mock servers. Each reference page lists every operation, parameter, schema, enum value and example.</p>
      <div class="apis">${apis.map(renderApi).join("\n")}
      </div>${changelogs}`;
  return pageShell({
    title: `Managed Redis APIs: ${apis.map(({ summary }) => summary.title).join(", ")}`,
    description: "API references, specs, clients and mocks for three managed Redis and Valkey control-plane APIs.",
    stylesheet: "site.css",
    body,
    nav: apis.map(({ summary }) => ({ href: `#${summary.api}`, label: summary.title })),
  });
}
