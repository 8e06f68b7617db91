// Where each API lives by default: the URL its spec's first `servers` entry names, with its variables at
// their defaults (Exoscale: zone ch-gva-2; Redis Enterprise: host localhost), which is also what each
// typed client calls when given no `baseUrl`. Read from the specs, not copied.
import { API_NAMES, specModuleOf, type ApiName } from "@managed-redis/simulator";

export const defaultBaseUrls: Readonly<Record<ApiName, string>> = Object.freeze(
  Object.fromEntries(API_NAMES.map((api) => [api, specModuleOf(api).facts.defaultServerUrl])) as Record<ApiName, string>,
);
