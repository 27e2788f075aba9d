// Which saved drafts the panel offers back (issue 5 item 6). A draft is offered for a field on this page
// whose text differs from it; a draft taken on this page whose field is no longer there is reported, so the
// user knows the text is safe and where it is.
import type { DraftEntry } from '../storage';
import type { PanelField } from '../panel/bridge';
import { samePage, sameDraftText } from './text';

export type DraftOffer =
  | { state: 'restore'; draft: DraftEntry; field: PanelField }
  | { state: 'missing'; draft: DraftEntry };

export function draftOffers(drafts: readonly DraftEntry[], fields: readonly PanelField[], pageUrl: string): DraftOffer[] {
  const offers: DraftOffer[] = [];
  for (const draft of drafts) {
    const onThisPage = samePage(draft.pageUrl, pageUrl);
    const field = fields.find((candidate) => candidate.key === draft.fieldKey);
    if (field) {
      if (field.kind === 'select' || sameDraftText(field.text, draft.text)) continue;
      // Another page of the portal with a field of the same key is a different form unless the label agrees.
      if (!onThisPage && field.label !== draft.fieldLabel) continue;
      offers.push({ state: 'restore', draft, field });
    } else if (onThisPage) {
      offers.push({ state: 'missing', draft });
    }
  }
  return offers;
}
