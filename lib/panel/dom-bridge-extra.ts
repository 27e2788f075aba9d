// Bridge methods the drafts work adds to the panel's view of the page (lib/panel/bridge.ts), kept apart from
// dom-bridge.ts. mount.tsx merges them into the bridge it hands the panel.
import { discoverFields } from '../dom/discovery';
import { isValueField } from '../dom/editable';
import type { SavedSelection } from '../dom/focus';
import { insertText } from '../dom/insert';
import type { InsertOutcome, PageBridge } from './bridge';

const isOurs = (element: Element) => {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && root.host.localName.startsWith('tianbao-');
};

/** A selection spanning the field's whole text, so that an insertion replaces it. */
function wholeField(element: HTMLElement): SavedSelection {
  if (isValueField(element)) return { kind: 'offsets', start: 0, end: element.value.length, direction: 'none' };
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return { kind: 'range', range };
}

export function createDomBridgeExtra(win: Window): Required<Pick<PageBridge, 'replaceFieldText'>> {
  return {
    async replaceFieldText(key: string, text: string): Promise<InsertOutcome> {
      const field = discoverFields(win.document, { ignore: isOurs }).find((candidate) => candidate.key === key);
      if (!field || !field.element.isConnected) return { ok: false, messageId: 'panel.fieldGone' };
      // innerText of an editor separates paragraphs with a blank line; the adapters make each line a paragraph.
      const wanted = isValueField(field.element) ? text : text.replace(/\n{2,}/g, '\n');
      const result = await insertText(field.element, wanted, { selection: wholeField(field.element) });
      return { ok: result.ok, messageId: result.messageId, params: result.params };
    },
  };
}
