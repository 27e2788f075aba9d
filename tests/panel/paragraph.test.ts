// @vitest-environment happy-dom
// 片段插入时另起一段 on the page side: a line break goes in first only when the caret's line already has text,
// decided where the caret is known; and the panel's Esc gives focus back only to the field the tracker holds.
import { afterEach, describe, expect, it } from 'vitest';
import { createFocusTracker, type FocusTracker } from '@/lib/dom/focus';
import { createDomBridge } from '@/lib/host/dom-bridge';
import { needsParagraphBreak } from '@/lib/host/paragraph';

let tracker: FocusTracker | undefined;

afterEach(() => {
  tracker?.dispose();
  tracker = undefined;
  document.body.innerHTML = '';
});

/** The user presses on `el` and it takes focus (a trusted press, then focus). */
function userFocus(el: HTMLElement): void {
  const event = new Event('pointerdown', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
  el.focus();
}

function textarea(value: string, caret: number): HTMLTextAreaElement {
  document.body.innerHTML = `<label for="main">主要工作情况</label><textarea id="main"></textarea>
    <label for="other">下一步工作打算</label><textarea id="other"></textarea>`;
  const el = document.getElementById('main') as HTMLTextAreaElement;
  el.value = value;
  el.setSelectionRange(caret, caret);
  return el;
}

function caretAfter(node: Node, offset: number): void {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('needsParagraphBreak in a textarea', () => {
  it.each([
    ['', 0, false],
    ['一、主要工作情况', 8, true],
    ['一、主要工作情况\n', 9, false],
    ['一、主要工作情况\n   ', 12, false],
    ['一、主要工作情况\n二、', 0, false],
    ['前文后文', 2, true],
  ])('text %j, caret at %i → %s', (value, caret, expected) => {
    const el = textarea(value, caret);
    expect(needsParagraphBreak(el, document, { kind: 'offsets', start: caret, end: caret, direction: 'none' })).toBe(expected);
  });

  it('never for a single-line input', () => {
    document.body.innerHTML = '<input id="unit" value="市统计局">';
    const el = document.getElementById('unit') as HTMLInputElement;
    expect(needsParagraphBreak(el, document, { kind: 'offsets', start: 4, end: 4, direction: 'none' })).toBe(false);
  });
});

describe('needsParagraphBreak in an editor', () => {
  it('looks at the caret’s paragraph only, and at the text after a <br>', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>第一段文字</p><p id="empty"><br></p><p id="br">上一行<br>这一行</p></div>';
    const ed = document.getElementById('ed')!;
    const first = ed.querySelector('p')!.firstChild!;
    caretAfter(first, 5);
    expect(needsParagraphBreak(ed, document, undefined)).toBe(true);
    caretAfter(document.getElementById('empty')!, 0);
    expect(needsParagraphBreak(ed, document, undefined)).toBe(false);
    const br = document.getElementById('br')!;
    caretAfter(br.lastChild!, 0);
    expect(needsParagraphBreak(ed, document, undefined)).toBe(false);
    caretAfter(br.lastChild!, 3);
    expect(needsParagraphBreak(ed, document, undefined)).toBe(true);
  });

  it('uses the end of the field when no caret was seen in it', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>已有内容</p></div><input id="x">';
    (document.getElementById('x') as HTMLInputElement).focus();
    expect(needsParagraphBreak(document.getElementById('ed')!, document, undefined)).toBe(true);
  });
});

describe('the DOM bridge inserting a snippet as a paragraph', () => {
  it('puts a line break before a second snippet, in the same insertion, and none before the first', async () => {
    const el = textarea('', 0);
    tracker = createFocusTracker(window);
    const bridge = createDomBridge(window, tracker);
    userFocus(el);
    expect((await bridge.insert('第一个片段。', { paragraph: true })).ok).toBe(true);
    expect(el.value).toBe('第一个片段。');
    expect((await bridge.insert('第二个片段。', { paragraph: true })).ok).toBe(true);
    expect(el.value).toBe('第一个片段。\n第二个片段。');
    // Without the option (or with the setting off) the text goes in as it is.
    expect((await bridge.insert('紧接着。', { paragraph: false })).ok).toBe(true);
    expect(el.value).toBe('第一个片段。\n第二个片段。紧接着。');
  });

  it('adds nothing when the caret already starts a line', async () => {
    const el = textarea('一、主要工作情况\n', 9);
    tracker = createFocusTracker(window);
    const bridge = createDomBridge(window, tracker);
    userFocus(el);
    el.setSelectionRange(9, 9);
    el.dispatchEvent(new Event('keyup'));
    await bridge.insert('片段。', { paragraph: true });
    expect(el.value).toBe('一、主要工作情况\n片段。');
  });
});

describe('the DOM bridge giving focus back', () => {
  it('focuses the field the tracker holds, caret where it was, and no other', async () => {
    const el = textarea('前文后文', 2);
    tracker = createFocusTracker(window);
    const bridge = createDomBridge(window, tracker);
    userFocus(el);
    el.setSelectionRange(2, 2);
    el.dispatchEvent(new Event('keyup'));
    // A script (not the user) focuses another field, then the panel's search box takes the keyboard.
    const other = document.getElementById('other') as HTMLTextAreaElement;
    other.focus();
    other.blur();
    expect(await bridge.focusTarget!()).toBe(true);
    expect(document.activeElement).toBe(el);
    expect(el.selectionStart).toBe(2);
    expect(tracker.current()!.element).toBe(el);
  });

  it('says so when no field was chosen', async () => {
    textarea('', 0);
    tracker = createFocusTracker(window);
    const bridge = createDomBridge(window, tracker);
    expect(await bridge.focusTarget!()).toBe(false);
  });
});
