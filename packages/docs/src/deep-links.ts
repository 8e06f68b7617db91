// The URL of everything on a reference page, in one place: the build writes the table of old anchors from
// it, the page's script gives the renderer the same slugs, and the browser test opens what it names.
//
// The reference pages route by fragment (`<api>/#tag/clusters/listClusters`): a fragment never reaches the
// server, so a link opened in a new tab, reloaded or pasted loads `<api>/index.html` and the page scrolls to
// its target, wherever the site is served from (the root, a sub-folder, a static host), with no server rule.
// Pure functions, no Node built-in: the browser bundle imports this module too (and the tooling's list of
// HTTP methods, a module of its own for that reason).
import { operationFragment, slugify, tagFragment } from "@managed-redis/tooling/docs-site";
import { httpMethods } from "@managed-redis/tooling/http-methods";

// The slugs and the operation's fragment are the tooling's, shared with the clients' generated `@see` links.
export { operationFragment, slugify, tagFragment };

/** `#models/<schema name>`: a schema of `components.schemas`. */
export function schemaFragment(name: string): string {
  return `#models/${name}`;
}

/** `#description/<heading slug>`: a heading of `info.description`. */
export function headingFragment(heading: string): string {
  return `#description/${slugify(heading)}`;
}

interface DocumentShape {
  info?: { description?: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, { title?: string } | boolean> };
}

export interface DeepLinkTarget {
  kind: "section" | "tag" | "operation" | "schema";
  fragment: string;
  /** What the target shows as its heading: the heading text, tag name, operation summary, schema title or name. */
  title: string;
}

/** The Markdown headings (`#` to `###`) of `info.description`, in order. */
export function descriptionHeadings(doc: DocumentShape): string[] {
  const text = doc.info?.description ?? "";
  return [...text.matchAll(/^#{1,3}\s+(.+?)\s*#*\s*$/gm)].map((match) => match[1]!);
}

/** Every section, tag, operation and schema of a bundled spec, with its fragment. */
export function deepLinkTargets(doc: DocumentShape): DeepLinkTarget[] {
  const targets: DeepLinkTarget[] = descriptionHeadings(doc).map((heading) => ({ kind: "section", fragment: headingFragment(heading), title: heading }));
  const seenTags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = item[method] as { operationId?: string; summary?: string; tags?: string[] } | undefined;
      if (!operation?.operationId) continue;
      const tag = operation.tags?.[0] ?? "default";
      if (!seenTags.has(tag)) {
        seenTags.add(tag);
        targets.push({ kind: "tag", fragment: tagFragment(tag), title: tag });
      }
      targets.push({ kind: "operation", fragment: operationFragment(tag, operation.operationId), title: operation.summary ?? `${method.toUpperCase()} ${path}` });
    }
  }
  // A schema is headed by its `title` where it has one (as the renderer shows it), else by its name.
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const title = typeof schema === "object" && typeof schema.title === "string" ? schema.title : name;
    targets.push({ kind: "schema", fragment: schemaFragment(name), title });
  }
  return targets;
}

/**
 * The anchors of the Redoc 3 pages this site served before (kept working for links already shared):
 * `#/<tag slug>`, `#/<tag slug>/<operationId, lower case>` (optionally followed by `#…` for a part of the
 * operation) and `#/section/<heading slug>`, each mapped to today's fragment.
 */
export function oldAnchorRedirects(doc: DocumentShape): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const heading of descriptionHeadings(doc)) redirects[`#/section/${slugify(heading)}`] = headingFragment(heading);
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = item[method] as { operationId?: string; tags?: string[] } | undefined;
      if (!operation?.operationId) continue;
      for (const tag of operation.tags ?? []) {
        redirects[`#/${slugify(tag)}`] ??= tagFragment(tag);
        redirects[`#/${slugify(tag)}/${operation.operationId.toLowerCase()}`] = operationFragment(operation.tags![0]!, operation.operationId);
      }
    }
  }
  return redirects;
}

/** Today's fragment for an old anchor, or undefined when `hash` is not one. */
export function redirectOldAnchor(hash: string, redirects: Record<string, string>): string | undefined {
  // Redoc 3 appended the part of an operation as a second fragment: `#/clusters/listclusters#clusters/…`.
  const route = hash.split("#").filter(Boolean)[0];
  return route === undefined ? undefined : redirects[`#${route}`];
}
