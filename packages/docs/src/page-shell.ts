// The document around every hand-written page: language, title, the policy that keeps the page from
// loading anything remote, skip link, site header with navigation, and footer.
import { escapeHtml } from "./html.ts";

// No scripts at all on the hand-written pages; styles and images only from the site itself.
export const handWrittenPagePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export interface NavLink {
  href: string;
  label: string;
}

export interface PageShellOptions {
  title: string;
  /** Relative URL of site.css from this page. */
  stylesheet: string;
  body: string;
  nav?: NavLink[];
  /** Relative URL of the landing page from this page (the site name links there). */
  home?: string;
  description?: string;
}

export function pageShell({ title, stylesheet, body, nav = [], home = "index.html", description }: PageShellOptions): string {
  const favicon = stylesheet.replace(/site\.css$/, "favicon.svg");
  const navHtml = nav.length
    ? `
    <nav aria-label="APIs">
      <ul>
${nav.map((link) => `        <li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join("\n")}
      </ul>
    </nav>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${handWrittenPagePolicy}">
  <title>${escapeHtml(title)}</title>
${description ? `  <meta name="description" content="${escapeHtml(description)}">\n` : ""}  <link rel="icon" href="${escapeHtml(favicon)}" type="image/svg+xml">
  <link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="site-header">
    <p class="site-name"><a href="${escapeHtml(home)}">Managed Redis APIs</a></p>${navHtml}
  </header>
  <main id="main" tabindex="-1">${body}
  </main>
  <footer class="site-footer">
    <p>Built from the bundled OpenAPI specs in this repository. Every page works offline: nothing is loaded from another site.</p>
  </footer>
</body>
</html>
`;
}
