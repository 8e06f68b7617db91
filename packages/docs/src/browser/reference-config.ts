// What the build hands a reference page's script, as JSON in the page (`<script type="application/json"
// id="reference-config">`): the page's policy runs no inline script, and one bundle serves every API.

export interface ReferencePageConfig {
  /** The bundle with the generated `x-codeSamples`, relative to the page. */
  documentUrl: string;
  /** The local mock of this API (`npm start`), where "try it" sends requests unless the reader enters another base URL. */
  mockUrl: string;
  /** How "try it" authenticates beyond what the renderer does itself: Exoscale's EXO2 signature. */
  signing: "exoscale" | null;
  /** Old anchors (Redoc's) → today's fragments (deep-links.ts). */
  redirects: Record<string, string>;
}

export const configElementId = "reference-config";
