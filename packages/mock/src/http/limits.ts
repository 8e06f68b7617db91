// The limits of the mock's HTTP edge, in one place: the README quotes them. A request past one is refused
// with a 4xx problem before any of it reaches the pipeline or the simulator.

/**
 * The largest request body of an API route: 1 MiB. The vendors' create and update bodies are a few KB;
 * a bigger one is refused with 413 (announced by Content-Length: before a byte is read; chunked: as soon
 * as the stream passes it, never buffering past it).
 */
export const maxBodyBytes = 1024 * 1024;

/** The largest body of a control route (`/__simulator/...`): 64 KiB, plenty for fault settings. */
export const maxControlBodyBytes = 64 * 1024;

/**
 * The deepest nesting of arrays and objects in a JSON body: 64. The vendors' schemas nest fewer than ten
 * levels; a deeper document is refused with 400 before it is parsed, so neither the parser, the validator
 * nor the log recurses through it.
 */
export const maxJsonDepth = 64;

/** Time to receive a request's headers (Node's `headersTimeout`): a client that trickles them is cut off. */
export const headersTimeoutMs = 10_000;

/** Time to receive a whole request, body included (Node's `requestTimeout`): a slow partial body is answered 408. */
export const requestTimeoutMs = 30_000;
