// Finds what in a built page would make a browser load something from another host: script, style,
// font, image and frame URLs in the markup and styles, module imports, and a Content-Security-Policy
// that is missing or lets a host through. Links a reader clicks (<a href>) are not loads and are allowed.
// The browser test proves the same at run time; this check fails the build before that.

export interface RemoteResource {
  kind: string;
  url: string;
}

const remoteUrl = /^(?:https?:)?\/\/(?!(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:\/|$))/i;

export function isRemoteUrl(url: string): boolean {
  return remoteUrl.test(url.trim());
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

// <link rel> values that make the browser fetch (or connect to) the href.
const loadingLinkRels = /\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest|apple-touch-icon)\b/i;

function findInMarkup(markup: string, found: RemoteResource[]): void {
  for (const match of markup.matchAll(/<([a-z]+)\b[^>]*>/gi)) {
    const tag = match[0];
    const name = match[1]!.toLowerCase();
    if (name === "a") continue;
    if (name === "link") {
      const href = attribute(tag, "href");
      if (href && loadingLinkRels.test(attribute(tag, "rel") ?? "") && isRemoteUrl(href)) found.push({ kind: "link", url: href });
      continue;
    }
    for (const attr of ["src", "data", "poster", "background"]) {
      const value = attribute(tag, attr);
      if (value && isRemoteUrl(value)) found.push({ kind: `${name} ${attr}`, url: value });
    }
    const srcset = attribute(tag, "srcset");
    for (const candidate of srcset?.split(",") ?? []) {
      const url = candidate.trim().split(/\s+/)[0] ?? "";
      if (isRemoteUrl(url)) found.push({ kind: `${name} srcset`, url });
    }
  }
}

function findInStyles(css: string, found: RemoteResource[]): void {
  for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
    if (isRemoteUrl(match[1]!)) found.push({ kind: "css url()", url: match[1]! });
  }
  for (const match of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"');\s]+)/gi)) {
    if (isRemoteUrl(match[1]!)) found.push({ kind: "css @import", url: match[1]! });
  }
}

function findInScript(script: string, found: RemoteResource[]): void {
  for (const match of script.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|importScripts\s*\(\s*)["'`]((?:https?:)?\/\/[^"'`]+)["'`]/g)) {
    if (isRemoteUrl(match[1]!)) found.push({ kind: "script import", url: match[1]! });
  }
}

// This machine is not another host: a policy may let requests through to loopback addresses (the reference
// pages' "try it" reaches the local mocks), any port.
const loopbackSource = /^(?:(?:https?|wss?):\/\/)?(?:127\.0\.0\.1|localhost)(?::(?:\d+|\*))?$/i;

function checkPolicy(html: string, found: RemoteResource[]): void {
  const meta = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .find((tag) => /http-equiv\s*=\s*["']?content-security-policy/i.test(tag));
  const policy = meta ? attribute(meta, "content") : undefined;
  if (!policy) {
    found.push({ kind: "content-security-policy", url: "(missing)" });
    return;
  }
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name || !/-src$/.test(name)) continue;
    for (const source of sources) {
      if (loopbackSource.test(source)) continue;
      if (source === "*" || /^(?:https?:|wss?:)$/i.test(source) || (/[.:]/.test(source) && !source.startsWith("'") && !/^(?:data|blob|mediastream|filesystem):$/i.test(source))) {
        found.push({ kind: `content-security-policy ${name}`, url: source });
      }
    }
  }
  if (!/(?:^|;)\s*default-src\s+'none'/.test(policy)) found.push({ kind: "content-security-policy default-src", url: "(not 'none')" });
}

/** Every remote load a page would make, by reading its HTML (inline styles and scripts included). */
export function findRemoteResources(html: string): RemoteResource[] {
  const found: RemoteResource[] = [];
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)];
  // Markup without the bodies of scripts and styles, so that strings in the Redoc bundle are not taken for tags.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1</script>").replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, "$1</style>");
  findInMarkup(markup, found);
  for (const style of styles) findInStyles(style[1]!, found);
  for (const tag of markup.matchAll(/<[a-z]+\b[^>]*\sstyle\s*=\s*"([^"]*)"/gi)) findInStyles(tag[1]!, found);
  for (const script of scripts) findInScript(script[1]!, found);
  checkPolicy(html, found);
  return found;
}

/** Checks a CSS file on its own (site.css). */
export function findRemoteResourcesInCss(css: string): RemoteResource[] {
  const found: RemoteResource[] = [];
  findInStyles(css, found);
  return found;
}
