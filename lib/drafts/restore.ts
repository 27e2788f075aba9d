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
  /** When the page submitted this text (issue 9 item 3); a submitted draft is still offered, marked. */
  submittedAt?: number;
}

export type DraftOffer = (OfferedText & { state: 'restore'; field: PanelField }) | (OfferedText & { state: 'missing' });

function offered(draft: DraftEntry, fieldText: string | undefined): Omit<OfferedText, 'draft'> | undefined {
  const differs = (text: string) => fieldText === undefined || !sameDraftText(fieldText, text);
  const submitted = (at: number | undefined) => (at === undefined ? {} : { submittedAt: at });
  if (draft.earlier && differs(draft.earlier.text)) {
    return { text: draft.earlier.text, savedAt: draft.earlier.savedAt, earlier: true, ...submitted(draft.earlier.submittedAt) };
  }
  if (draft.text !== '' && differs(draft.text)) return { text: draft.text, savedAt: draft.savedAt, earlier: false, ...submitted(draft.submittedAt) };
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

/** A field of this page whose latest text was not saved as a draft (Draft.unsaved), for the panel to say so. */
export interface UnsavedNotice {
  draft: DraftEntry;
  reason: 'tooLong' | 'siteFull';
  /** Characters of the text that was refused. */
  length: number;
}

/** The refused saves of this page, newest first: the user must hear of every one (issue 9 item 5). */
export function unsavedNotices(drafts: readonly DraftEntry[], pageUrl: string): UnsavedNotice[] {
  return drafts
    .filter((draft) => draft.unsaved !== undefined && samePage(draft.pageUrl, pageUrl))
    .sort((a, b) => b.unsaved!.at - a.unsaved!.at)
    .map((draft) => ({ draft, reason: draft.unsaved!.reason, length: draft.unsaved!.length }));
}
