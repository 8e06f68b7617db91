// Keeps a deep link's target in view while the reference finishes rendering. Scalar scrolls to the target
// once it has mounted and holds it for a moment (scalar/scalar#7089), but the sections above it render
// lazily after that: on a busy machine they push the target down after that moment, and the scroll spy then
// writes the neighbour's fragment into the address. Until the reader scrolls, types, clicks or touches (or
// `maxMs` pass), this puts the target back at the top of the view and the address back to the link opened.

const readerInput = ["wheel", "keydown", "pointerdown", "touchstart"] as const;

export function holdDeepLinkTarget(fragment: string, findTarget: (fragment: string) => Element | null, maxMs = 10_000): void {
  if (fragment === "" || fragment === "#") return;
  let holding = true;
  const release = () => {
    holding = false;
  };
  for (const type of readerInput) addEventListener(type, release, { once: true, passive: true, capture: true });
  const until = performance.now() + maxMs;
  const hold = () => {
    if (!holding || performance.now() > until) return;
    const target = findTarget(fragment);
    if (target) {
      if (location.hash !== fragment) history.replaceState(history.state, "", fragment);
      if (Math.abs(target.getBoundingClientRect().top) > 2) target.scrollIntoView({ block: "start" });
    }
    requestAnimationFrame(hold);
  };
  requestAnimationFrame(hold);
}

/**
 * A selector of the element Scalar renders for a fragment: sections, operations and schemas have the id
 * `<document>/<fragment>` (`api-1/tag/clusters/listClusters`), headings of the description their slug
 * (`authentication`). The browser tests find targets with it too.
 */
export function scalarTargetSelector(fragment: string): string {
  const quote = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;
  const route = fragment.replace(/^#/, "");
  const heading = /^description\/(.+)$/.exec(route)?.[1];
  return [`[id$=${quote(`/${route}`)}]`, ...(heading ? [`[id=${quote(heading)}]`] : [])].join(", ");
}

export function scalarTarget(fragment: string): Element | null {
  return document.querySelector(scalarTargetSelector(fragment));
}
