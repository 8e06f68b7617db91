// The operations a path item can hold, in the order OpenAPI 3.1 lists them. A module of its own, with no
// Node built-in, so that code bundled for a browser (the docs site's pages) can take it too.
export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];
