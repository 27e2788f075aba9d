// Which saved drafts the panel offers back (issue 5 item 6). A draft is offered for a field on this page
// whose text differs from it; a draft taken on this page whose field is no longer there is reported, so the
// user knows the text is safe and where it is.
import type { DraftEntry } from '../storage';
import type { PanelField } from '../panel/bridge';
import { samePage, sameDraftText } from './text';

/**
 * `text`/`savedAt`: what is offered — the draft's `earlier` text (from before the page load that replaced it)
 * while there is one, else its text. `earlier` says which, so 恢复/忽略 can settle it.
 */
interface OfferedText {
  draft: DraftEntry;
  text: string;
  savedAt: number;
  earlier: boolean;
}

export type DraftOffer = (OfferedText & { state: 'restore'; field: PanelField }) | (OfferedText & { state: 'missing' });

function offered(draft: DraftEntry, fieldText: string | undefined): Omit<OfferedText, 'draft'> | undefined {
  const differs = (text: string) => fieldText === undefined || !sameDraftText(fieldText, text);
  if (draft.earlier && differs(draft.earlier.text)) return { text: draft.earlier.text, savedAt: draft.earlier.savedAt, earlier: true };
  if (draft.text !== '' && differs(draft.text)) return { text: draft.text, savedAt: draft.savedAt, earlier: false };
  return undefined;
}

export function draftOffers(drafts: readonly DraftEntry[], fields: readonly PanelField[], pageUrl: string): DraftOffer[] {
  const offers: DraftOffer[] = [];
  for (const draft of drafts) {
    const onThisPage = samePage(draft.pageUrl, pageUrl);
    const field = fields.find((candidate) => candidate.key === draft.fieldKey);
    if (field) {
      if (field.kind === 'select') continue;
      // Another page of the portal with a field of the same key is a different form unless the label agrees.
      if (!onThisPage && field.label !== draft.fieldLabel) continue;
      const what = offered(draft, field.text);
      if (what) offers.push({ state: 'restore', draft, field, ...what });
    } else if (onThisPage) {
      const what = offered(draft, undefined);
      if (what) offers.push({ state: 'missing', draft, ...what });
    }
  }
  return offers;
}
