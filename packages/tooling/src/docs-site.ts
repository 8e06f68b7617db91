// Where the docs site is and how its reference pages name an operation: the docs site's deep links
// (packages/docs/src/deep-links.ts) and the clients' generated methods (their `@see` links) share these, so a
// method's link is the page the site serves. Pure functions, no Node built-in: the docs' browser bundle
// imports this module too.

/**
 * The root of the docs site that the clients' TSDoc links to: the site `npm start` (or `npm run docs:serve`)
 * serves, with one reference page per API at `<api>/`. The site is not published on the web; when it is,
 * change this constant and run `npm run generate` (the generated methods embed it, drift-gated).
 */
export const DOCS_SITE_URL = "http://127.0.0.1:8080/";

/** The slug of a tag or a heading: lower case, runs of other characters as one "-". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** `#tag/<tag slug>`: a tag's section. */
export function tagFragment(tag: string): string {
  return `#tag/${slugify(tag)}`;
}

/** `#tag/<tag slug>/<operationId>`: an operation, named by its operationId (stable across path changes). */
export function operationFragment(tag: string, operationId: string): string {
  return `${tagFragment(tag)}/${operationId}`;
}

/** The URL of an operation on the docs site: `<site>/<api>/#tag/<tag slug>/<operationId>`. */
export function operationPageUrl(api: string, tag: string, operationId: string, site: string = DOCS_SITE_URL): string {
  return `${site}${api}/${operationFragment(tag, operationId)}`;
}
