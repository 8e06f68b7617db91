import { InvalidOptionError } from "@managed-redis/client-runtime";
import { wantsCustomTls, type TlsTransportFactory } from "./tls-options.js";

/**
 * The browser build: a page cannot choose which certificates to trust, the browser does (install the
 * cluster's CA in the browser or the operating system). `ca` and `insecureSkipTlsVerify` are refused
 * rather than silently ignored.
 */
export const browserTlsTransport: TlsTransportFactory = (options) => {
  if (wantsCustomTls(options)) {
    const option = options.ca !== undefined ? "ca" : "insecureSkipTlsVerify";
    throw new InvalidOptionError(option, "TLS settings are a Node.js feature; in a browser, the browser's own certificate store decides");
  }
  return options.fetch ? { fetch: options.fetch } : {};
};
