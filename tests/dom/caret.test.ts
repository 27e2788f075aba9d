// @vitest-environment happy-dom
// caretOfInnerText: where an insertion at an offset of an editor's innerText goes in the DOM. The analysis reads
// innerText, whose line breaks between paragraphs exist in no text node; Chromium puts a blank line between <p>s
// with margins, happy-dom a single line break, so both shapes are checked (the Chromium one by overriding
// innerText on the element).
import { afterEach, describe, expect, it } from 'vitest';
import { caretOfInnerText, rangeOfInnerText } from '@/lib/dom/reveal';

afterEach(() => {
  document.body.innerHTML = '';
});

function editor(html: string, innerText?: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  const el = document.querySelector('div')!;
  if (innerText !== undefined) Object.defineProperty(el, 'innerText', { value: innerText, configurable: true });
  return el;
}

/** The text before the caret and after it, inside the editor, as a DOM range reads them. */
function around(root: HTMLElement, range: Range): [string, string] {
  const head = document.createRange();
  head.selectNodeContents(root);
  head.setEnd(range.startContainer, range.startOffset);
  const tail = document.createRange();
  tail.selectNodeContents(root);
  tail.setStart(range.startContainer, range.startOffset);
  return [head.toString(), tail.toString()];
}

const HTML = '<p>一、主要工作情况</p><p>（一）压实<b>主体责任</b>。</p><p>二、下一步工作打算</p>';

describe('caretOfInnerText', () => {
  for (const [flavour, innerText] of [
    ['single line breaks (happy-dom)', undefined],
    ['blank lines between paragraphs (Chromium)', '一、主要工作情况\n\n（一）压实主体责任。\n\n二、下一步工作打算'],
  ] as const) {
    describe(flavour, () => {
      it('puts an offset right after a paragraph\'s last character at the end of that paragraph', () => {
        const root = editor(HTML, innerText);
        const text = root.innerText;
        const range = caretOfInnerText(root, text.indexOf('。') + 1);
        expect(range.collapsed).toBe(true);
        expect(around(root, range)).toEqual(['一、主要工作情况（一）压实主体责任。', '二、下一步工作打算']);
        // Inside the paragraph's text, not between the blocks where editors keep no caret.
        expect(range.startContainer.nodeType).toBe(3);
        expect(range.startContainer.parentElement!.tagName).toBe('P');
      });

      it('puts the start of a heading line at the start of that heading, not at the end of the line before', () => {
        const root = editor(HTML, innerText);
        const range = caretOfInnerText(root, root.innerText.indexOf('二、'));
        expect(around(root, range)).toEqual(['一、主要工作情况（一）压实主体责任。', '二、下一步工作打算']);
        expect(range.startContainer.textContent).toBe('二、下一步工作打算');
        expect(range.startOffset).toBe(0);
      });

      it('puts the end of the field at the end of its last text', () => {
        const root = editor(HTML, innerText);
        const range = caretOfInnerText(root, root.innerText.length);
        expect(range.startContainer.textContent).toBe('二、下一步工作打算');
        expect(range.startOffset).toBe('二、下一步工作打算'.length);
      });

      it('finds the place after text in a formatted run', () => {
        const root = editor(HTML, innerText);
        const range = caretOfInnerText(root, root.innerText.indexOf('。'));
        expect(around(root, range)[0]).toBe('一、主要工作情况（一）压实主体责任');
        expect(range.startContainer.parentElement!.tagName).toBe('B');
      });
    });
  }

  it('places the caret inside the first paragraph of an empty editor', () => {
    const root = editor('<p><br></p>');
    const range = caretOfInnerText(root, 0);
    expect(range.startContainer).toBe(root.querySelector('p'));
    expect(range.startOffset).toBe(0);
  });

  it('ignores trailing empty paragraphs: the end of the field is after its last character', () => {
    const root = editor('<p>一、主要工作情况</p><p><br></p>', '一、主要工作情况\n\n\n');
    const range = caretOfInnerText(root, root.innerText.length);
    expect(range.startContainer.textContent).toBe('一、主要工作情况');
    expect(range.startOffset).toBe('一、主要工作情况'.length);
  });
});

describe('rangeOfInnerText', () => {
  it('maps a span of innerText to the same characters in the DOM across paragraph breaks', () => {
    const root = editor(HTML, '一、主要工作情况\n\n（一）压实主体责任。\n\n二、下一步工作打算');
    const start = root.innerText.indexOf('主体');
    const range = rangeOfInnerText(root, start, start + 4)!;
    expect(range.toString()).toBe('主体责任');
    expect(range.startContainer).toBe(range.endContainer);
  });
});
