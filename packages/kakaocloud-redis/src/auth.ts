import { InvalidOptionError, credentialProblem, requireCredential, type Authenticator } from "@managed-redis/client-runtime";
import type { Middleware } from "openapi-fetch";

/** Returns a KakaoCloud API token. Called on the first request and again when the server answers 401. */
export type KakaoTokenProvider = () => string | Promise<string>;

export interface KakaoCredentials {
  /** A static API token (`X-Auth-Token`). Give this or `tokenProvider`. */
  token?: string;
  /**
   * Obtains a token, e.g. from IAM with an access key. Tokens expire (12 hours by default, sometimes
   * sooner), so the client calls it again, once, when a request is answered 401.
   */
  tokenProvider?: KakaoTokenProvider;
}

/**
 * Puts `X-Auth-Token` on every request. With a provider, the token is cached and renewed after a 401;
 * concurrent requests that all get a 401 share a single renewal.
 */
export function createKakaoAuthenticator(credentials: KakaoCredentials): Authenticator {
  const { token, tokenProvider } = credentials;
  if (token !== undefined && tokenProvider !== undefined) {
    throw new InvalidOptionError("token", "give either `token` or `tokenProvider`, not both");
  }
  if (tokenProvider === undefined) {
    // Checked here, not left to fetch: its TypeError for a token with a line break quotes the token.
    const staticToken = requireCredential(token, "token", true);
    return {
      authenticate(request) {
        request.headers.set("X-Auth-Token", staticToken);
        return request;
      },
      secrets: () => [staticToken],
    };
  }
  if (typeof tokenProvider !== "function") {
    throw new InvalidOptionError("tokenProvider", "it must be a function that returns a token");
  }

  let current: Promise<string> | undefined;
  // Every token handed out, not only the latest: a 401 body may echo the token it rejected, and an error
  // built after the renewal must still redact it. Bounded, as a provider could be called for years.
  const issuedTokens = new Set<string>();
  const obtain = (): Promise<string> => {
    const pending = Promise.resolve()
      .then(tokenProvider)
      .then((value) => {
        if (typeof value !== "string" || value === "") {
          throw new InvalidOptionError("tokenProvider", "it returned an empty token");
        }
        const problem = credentialProblem(value, true);
        if (problem) throw new InvalidOptionError("tokenProvider", `the token it returned ${problem}`);
        if (issuedTokens.size >= 16) issuedTokens.delete(issuedTokens.values().next().value!);
        issuedTokens.add(value);
        return value;
      });
    // A failed attempt is not cached: the next request asks the provider again.
    pending.catch(() => {
      if (current === pending) current = undefined;
    });
    current = pending;
    return pending;
  };

  return {
    async authenticate(request) {
      request.headers.set("X-Auth-Token", await (current ?? obtain()));
      return request;
    },
    async refresh(rejected) {
      const rejectedToken = rejected.headers.get("X-Auth-Token");
      // Another request already renewed the token while this one was in flight: use the new one.
      const latest = await current?.catch(() => undefined);
      if (latest !== undefined && latest !== rejectedToken) return true;
      await obtain();
      return true;
    },
    secrets: (sent) => [...issuedTokens, sent?.headers.get("X-Auth-Token") ?? ""],
  };
}

/**
 * The same authentication as an openapi-fetch middleware, for a client made with openapi-fetch's own
 * `createClient`. It sets the header; renewal after a 401 needs the factory's transport, which can send
 * the request again.
 */
export function kakaoAuthMiddleware(credentials: KakaoCredentials): Middleware {
  const authenticator = createKakaoAuthenticator(credentials);
  return {
    onRequest: ({ request }) => authenticator.authenticate(request),
  };
}
