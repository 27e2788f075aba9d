// @vitest-environment happy-dom
// What the paste carries for editors that make paragraphs of blank-line-separated text (TinyMCE, CKEditor 4,
// CKEditor 5), and TinyMCE's leading line break at the end of a block, which it would turn into an empty paragraph.
import { afterEach, describe, expect, it } from 'vitest';
import { insertText } from '@/lib/dom/insert';

afterEach(() => {
  document.body.innerHTML = '';
});

/** An editor body that records the pasted text and takes it (as plain text) at the selection. */
function editorBody(attributes: string, html: string): { el: HTMLElement; pastes: string[] } {
  document.body.innerHTML = `<div ${attributes} contenteditable="true">${html}</div>`;
  const el = document.querySelector('div')!;
  const pastes: string[] = [];
  el.addEventListener('paste', (event) => {
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    pastes.push(text);
    event.preventDefault();
    document.getSelection()!.getRangeAt(0).insertNode(document.createTextNode(text));
  });
  return { el, pastes };
}

function caret(node: Node, offset: number): { kind: 'range'; range: Range } {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  return { kind: 'range', range };
}

const SCAFFOLD = '\n二、存在的问题\n一是。';

describe('paste text for paragraph editors', () => {
  it('TinyMCE at the end of a paragraph: the leading line break is dropped, the lines stay paragraphs', async () => {
    const { el, pastes } = editorBody('id="tinymce" class="mce-content-body"', '<p>一、主要工作情况</p>');
    const text = el.querySelector('p')!.firstChild!;
    const result = await insertText(el, SCAFFOLD, { selection: caret(text, text.textContent!.length) });
    expect(result.ok).toBe(true);
    expect(pastes).toEqual(['二、存在的问题\n\n一是。']);
  });

  it('TinyMCE inside a paragraph: the leading line break stays, to split it', async () => {
    const { el, pastes } = editorBody('id="tinymce" class="mce-content-body"', '<p>前文后文</p>');
    await insertText(el, SCAFFOLD, { selection: caret(el.querySelector('p')!.firstChild!, 2) });
    expect(pastes).toEqual(['\n\n二、存在的问题\n\n一是。']);
  });

  it('CKEditor 4 gets blank-line-separated lines, which it makes paragraphs', async () => {
    const { el, pastes } = editorBody('class="cke_editable"', '<p>一、主要工作情况</p>');
    const text = el.querySelector('p')!.firstChild!;
    await insertText(el, SCAFFOLD, { selection: caret(text, text.textContent!.length) });
    expect(pastes).toEqual(['\n\n二、存在的问题\n\n一是。']);
  });
});
