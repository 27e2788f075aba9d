// Can the user see and edit this field? Tianbao writes only into a field the user could have typed into
// themselves: a page script that focuses a hidden, transparent, zero-sized or off-screen textarea must not
// receive a snippet, a draft or a fix (issue 9: a hostile page took every snippet body by focusing a hidden
// textarea and having it filled).

export type Unusable = 'disabled' | 'readOnly' | 'hidden';

/** Smallest box, in CSS pixels, a field must have on each side to count as something the user can see. */
const MIN_SIDE = 4;

function frameChain(el: Element): Element[] {
  const chain: Element[] = [el];
  let view = el.ownerDocument.defaultView;
  while (view) {
    let frame: Element | null = null;
    try {
      frame = view.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    chain.push(frame);
    view = frame.ownerDocument.defaultView;
  }
  return chain;
}

function hiddenByStyle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  const withCheck = el as Element & { checkVisibility?: (options?: object) => boolean };
  if (typeof withCheck.checkVisibility === 'function') {
    if (!withCheck.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return true;
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    if (Number.parseFloat(style.opacity) < 0.1) return true;
  }
  return false;
}

/** Inside the page's scrollable area: not pushed to negative coordinates where no scrolling can reach it. */
function offCanvas(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  if (rect.width < MIN_SIDE || rect.height < MIN_SIDE) return true;
  const pageRight = rect.right + view.scrollX;
  const pageBottom = rect.bottom + view.scrollY;
  return pageRight <= 0 || pageBottom <= 0;
}

function insideDisabledFieldset(element: Element): boolean {
  try {
    return element.closest('fieldset:disabled') !== null;
  } catch {
    return false;
  }
}

/**
 * Why `element` cannot take text from Tianbao, or undefined when it can. `hasLayout` false (a DOM without
 * layout, as in unit tests) skips the geometric checks.
 */
export function unusableReason(element: HTMLElement, hasLayout = true): Unusable | undefined {
  const field = element as HTMLElement & { disabled?: boolean; readOnly?: boolean };
  if (field.disabled === true || insideDisabledFieldset(element)) return 'disabled';
  if (field.readOnly === true) return 'readOnly';
  // Editor bodies inside iframes: the frame element is what the user sees.
  for (const el of frameChain(element)) {
    if (hiddenByStyle(el)) return 'hidden';
    if (hasLayout && offCanvas(el)) return 'hidden';
  }
  return undefined;
}

/** True where the document has real layout (a browser, not a DOM emulator). */
export function documentHasLayout(doc: Document): boolean {
  const root = doc.documentElement;
  return !!root && root.getBoundingClientRect().height > 0;
}
