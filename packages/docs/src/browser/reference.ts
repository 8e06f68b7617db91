// The script of every reference page: mounts Scalar's API reference (loaded by the page from the site
// itself) with every option that would reach another host turned off, fragment routing with the slugs of
// deep-links.ts, the old anchors redirected, and "try it" aimed at the local mock.
import { redirectOldAnchor, slugify } from "../deep-links.ts";
import { signTryItRequests } from "./exoscale-signing.ts";
import { holdDeepLinkTarget, scalarTarget } from "./hold-deep-link.ts";
import { configElementId, type ReferencePageConfig } from "./reference-config.ts";

declare const Scalar: { createApiReference(target: string | HTMLElement, configuration: Record<string, unknown>): unknown };

const config = JSON.parse(document.getElementById(configElementId)?.textContent ?? "null") as ReferencePageConfig | null;
if (!config) throw new Error(`reference page: no #${configElementId} element`);

function exoscaleFields() {
  const apiKey = document.getElementById("try-it-api-key");
  const apiSecret = document.getElementById("try-it-api-secret");
  if (!(apiKey instanceof HTMLInputElement) || !(apiSecret instanceof HTMLInputElement)) {
    throw new Error("reference page: the Exoscale credential fields are missing");
  }
  return { apiKey, apiSecret };
}

// The link the page was opened with, old anchors already mapped to today's fragments.
const openedWith = redirectOldAnchor(location.hash, config.redirects) ?? location.hash;

Scalar.createApiReference("#reference", {
  url: config.documentUrl,
  // Nothing from another host: no web fonts (system fonts), no telemetry, no request proxy (requests go
  // straight from the page to the base URL), no hosted client, registry, dashboard, MCP or agent.
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  mcp: { disabled: true },
  agent: { disabled: true },
  externalUrls: { dashboardUrl: "", registryUrl: "", proxyUrl: "", apiBaseUrl: "" },
  // Credentials typed into the renderer's authentication fields stay in its memory, never in localStorage.
  persistAuth: false,
  // Only the generated samples (TypeScript with the client, curl), not the renderer's own generic ones.
  hiddenClients: true,
  // The page's bar links the published openapi.yaml and openapi.json; the renderer's document has the samples in it.
  documentDownloadType: "none",
  showOperationId: true,
  orderRequiredPropertiesFirst: true,
  defaultOpenAllTags: true,
  servers: [
    {
      url: "{baseUrl}",
      description: "Where \"try it\" sends requests: the local mock (`npm start`) unless you enter another base URL.",
      variables: { baseUrl: { default: config.mockUrl, description: "Base URL" } },
    },
  ],
  generateTagSlug: ({ name }: { name?: string }) => slugify(name ?? ""),
  generateOperationSlug: ({ operationId, method, path }: { operationId?: string; method?: string; path?: string }) => operationId ?? `${method}${path}`,
  generateModelSlug: ({ name }: { name?: string }) => name ?? "",
  redirect: (hash: string) => redirectOldAnchor(hash, config.redirects) ?? null,
  onRequestBuilt: config.signing === "exoscale" ? signTryItRequests(exoscaleFields()) : undefined,
  onLoaded: () => {
    holdDeepLinkTarget(openedWith, scalarTarget);
    document.documentElement.dataset.referenceLoaded = "true";
  },
});
