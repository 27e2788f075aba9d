// Makes room for the docked panel by pushing the page instead of covering it: a right margin on <html>
// narrows the page's own layout, so the form reflows beside the panel. Fixed-position page elements and
// pages with a min-width wider than what is left cannot be pushed; there the panel overlays, as before.
const STYLE_ID = 'tianbao-page-push';

export function pushPage(doc: Document, width: number): void {
  let style = doc.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (width <= 0) {
    style?.remove();
    return;
  }
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  style.textContent = `html { margin-right: ${Math.round(width)}px !important; }`;
}

/** How much of `element` the panel (docked at the right, `width` wide) hides, in CSS pixels. */
export function coveredWidth(element: Element, width: number): number {
  const view = element.ownerDocument.defaultView;
  if (!view) return 0;
  const rect = element.getBoundingClientRect();
  const panelLeft = view.innerWidth - width;
  return Math.max(0, Math.min(rect.right, view.innerWidth) - Math.max(rect.left, panelLeft));
}
