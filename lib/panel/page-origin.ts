// The origin of the portal page the panel serves. The panel is an extension page inside that portal's
// frame, so its own `location` is the extension's: site profiles, rule switches and drafts are filed under
// the portal's origin, which the page side sends when the panel connects (lib/panel/mount.tsx).
let origin: string | undefined;

export function setPageOrigin(next: string): void {
  origin = next;
}

/** The portal's origin; outside the panel page (component tests), the document's own origin. */
export function pageOrigin(): string {
  return origin ?? globalThis.location?.origin ?? '';
}
