import { InvalidOptionError, requireNonEmptyString, type Authenticator } from "@managed-redis/client-runtime";
import type { Middleware } from "openapi-fetch";

export interface RedisEnterpriseCredentials {
  /** The email address or username of a cluster user. */
  username: string;
  password: string;
}

function basicHeader(username: string, password: string): string {
  // UTF-8 first: btoa only takes Latin-1, and passwords may not be.
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** HTTP Basic authentication; the header is computed once per client. */
export function createRedisEnterpriseAuthenticator(credentials: Partial<RedisEnterpriseCredentials>): Authenticator {
  const username = requireNonEmptyString(credentials.username, "username");
  const password = requireNonEmptyString(credentials.password, "password");
  if (username.includes(":")) {
    throw new InvalidOptionError("username", "HTTP Basic authentication does not allow a colon in it");
  }
  const header = basicHeader(username, password);
  return {
    authenticate(request) {
      request.headers.set("Authorization", header);
      return request;
    },
    secrets: () => [password, header, header.slice("Basic ".length)],
  };
}

/** The same authentication as an openapi-fetch middleware, for a client made with openapi-fetch's `createClient`. */
export function redisEnterpriseAuthMiddleware(credentials: RedisEnterpriseCredentials): Middleware {
  const authenticator = createRedisEnterpriseAuthenticator(credentials);
  return {
    onRequest: ({ request }) => authenticator.authenticate(request),
  };
}
