// @vitest-environment happy-dom
// happy-dom has no document.execCommand, so T1 is absent here unless a test provides it; real Chromium runs
// every technique in tests/e2e/insertion.e2e.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertAtTrackedCaret, insertText } from '../../lib/dom/insert';
import { watchComposition } from '../../lib/dom/composition';
import { createFocusTracker } from '../../lib/dom/focus';

const stops: Array<() => void> = [];

afterEach(() => {
  document.body.innerHTML = '';
  delete (document as { execCommand?: unknown }).execCommand;
  while (stops.length) stops.pop()!();
});

function textarea(value: string, attrs = ''): HTMLTextAreaElement {
  document.body.innerHTML = `<textarea ${attrs}></textarea>`;
  const el = document.querySelector('textarea')!;
  el.value = value;
  return el;
}

function caretIn(node: Node, offset: number): void {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/** A minimal editor that, like Quill or wangEditor, handles a paste itself and cancels it. */
function pasteHandlingEditor(): HTMLElement {
  document.body.innerHTML = '<div contenteditable="true"><p>前文后文</p></div>';
  const editor = document.querySelector('div')!;
  editor.addEventListener('paste', (event) => {
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
    const range = document.getSelection()!.getRangeAt(0);
    range.insertNode(document.createTextNode(text));
  });
  return editor;
}

describe('insertText into a textarea', () => {
  it('inserts at the caret and keeps the text before and after', async () => {
    const el = textarea('前文后文');
    el.setSelectionRange(2, 2);
    const result = await insertText(el, '插入的片段\n第二段');
    expect(el.value).toBe('前文插入的片段\n第二段后文');
    expect(result).toMatchObject({ ok: true, inserted: '插入的片段\n第二段' });
  });

  it('replaces the selected text', async () => {
    const el = textarea('前文XX后文');
    el.setSelectionRange(2, 4);
    await insertText(el, '中');
    expect(el.value).toBe('前文中后文');
  });

  it('inserts at a saved selection from the focus tracker', async () => {
    const el = textarea('前文后文');
    el.setSelectionRange(0, 0);
    await insertText(el, '中', { selection: { kind: 'offsets', start: 2, end: 2, direction: 'none' } });
    expect(el.value).toBe('前文中后文');
  });

  it('fires input and change so that frameworks see the new value', async () => {
    const el = textarea('');
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push('input'));
    el.addEventListener('change', () => seen.push('change'));
    await insertText(el, '文');
    expect(seen).toEqual(['input', 'change']);
  });

  it('uses execCommand first when it works, and nothing else', async () => {
    const el = textarea('前文后文');
    el.setSelectionRange(2, 2);
    const exec = vi.fn((_command: string, _ui: boolean, value: string) => {
      el.setRangeText(value, el.selectionStart!, el.selectionEnd!, 'end');
      return true;
    });
    (document as { execCommand?: unknown }).execCommand = exec;
    const change = vi.fn();
    el.addEventListener('change', change);
    const result = await insertText(el, '中');
    expect([result.technique, el.value, change.mock.calls.length]).toEqual(['execCommand', '前文中后文', 0]);
  });

  it('falls back to setRangeText when execCommand changes nothing', async () => {
    const el = textarea('前文后文');
    el.setSelectionRange(2, 2);
    (document as { execCommand?: unknown }).execCommand = () => false;
    const result = await insertText(el, '中');
    expect([result.technique, el.value]).toEqual(['setRangeText', '前文中后文']);
  });

  it('honours maxlength and says what was cut', async () => {
    const el = textarea('12345', 'maxlength="8"');
    el.setSelectionRange(5, 5);
    const result = await insertText(el, '甲乙丙丁戊');
    expect(el.value).toBe('12345甲乙丙');
    expect(result).toMatchObject({
      ok: true,
      inserted: '甲乙丙',
      truncatedBy: 2,
      messageId: 'dom.insert.truncated',
      params: { max: 8, count: 2, cut: '丁戊' },
    });
  });

  it('does not split a surrogate pair at the maxlength boundary', async () => {
    const el = textarea('', 'maxlength="2"');
    const result = await insertText(el, '甲𠀀');
    expect([el.value, result.inserted]).toEqual(['甲', '甲']);
  });

  it('reports a field removed from the page', async () => {
    const el = textarea('');
    el.remove();
    expect(await insertText(el, '文')).toMatchObject({ ok: false, messageId: 'dom.insert.detached' });
  });

  it('refuses a readOnly textarea without changing it', async () => {
    const el = textarea('原文', 'readonly');
    expect(await insertText(el, '文')).toMatchObject({ ok: false, messageId: 'dom.insert.readOnly' });
    expect(el.value).toBe('原文');
  });

  it('refuses a disabled textarea', async () => {
    const el = textarea('', 'disabled');
    expect(await insertText(el, '文')).toMatchObject({ ok: false, messageId: 'dom.insert.disabled' });
  });
});

describe('insertText into a text input', () => {
  it('joins lines with a space, since an input holds one line', async () => {
    document.body.innerHTML = '<input>';
    const el = document.querySelector('input')!;
    await insertText(el, '甲\n乙');
    expect(el.value).toBe('甲 乙');
  });
});

describe('insertText and IME composition', () => {
  it('waits for the composition to end before inserting', async () => {
    const el = textarea('前文');
    stops.push(watchComposition(document));
    document.dispatchEvent(new CompositionEvent('compositionstart'));
    const pending = insertText(el, '中', { compositionTimeoutMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(el.value).toBe('前文');
    el.value = '前文字';
    el.setSelectionRange(3, 3);
    document.dispatchEvent(new CompositionEvent('compositionend'));
    await pending;
    expect(el.value).toBe('前文字中');
  });

  it('gives up with a message when the composition does not end in time', async () => {
    const el = textarea('前文');
    stops.push(watchComposition(document));
    document.dispatchEvent(new CompositionEvent('compositionstart'));
    const result = await insertText(el, '中', { compositionTimeoutMs: 30 });
    expect(result).toMatchObject({ ok: false, messageId: 'dom.insert.composing' });
    expect(el.value).toBe('前文');
  });
});

describe('insertText into a contenteditable', () => {
  it('inserts through a synthetic paste the editor handles', async () => {
    const editor = pasteHandlingEditor();
    caretIn(editor.querySelector('p')!.firstChild!, 2);
    const result = await insertText(editor, '插入');
    expect([result.technique, editor.textContent]).toEqual(['paste', '前文插入后文']);
  });

  it('puts text and no markup into the paste data', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>文</p></div>';
    const editor = document.querySelector('div')!;
    const types: string[][] = [];
    editor.addEventListener('paste', (event) => types.push([...((event as ClipboardEvent).clipboardData?.types ?? [])]));
    await insertText(editor, '<b>粗</b>', { settleMs: 0 });
    expect(types).toEqual([['text/plain']]);
  });

  it('falls back to execCommand when the paste changed nothing', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>前文后文</p></div>';
    const editor = document.querySelector('div')!;
    caretIn(editor.querySelector('p')!.firstChild!, 2);
    (document as { execCommand?: unknown }).execCommand = vi.fn((_c: string, _u: boolean, value: string) => {
      document.getSelection()!.getRangeAt(0).insertNode(document.createTextNode(value));
      return true;
    });
    const result = await insertText(editor, '插入', { settleMs: 0 });
    expect([result.technique, editor.textContent]).toEqual(['execCommand', '前文插入后文']);
  });

  it('never uses execCommand on a Slate editor, and tries beforeinput instead', async () => {
    document.body.innerHTML = '<div data-slate-editor="true" contenteditable="true"><p>前文</p></div>';
    const editor = document.querySelector('div')!;
    const exec = vi.fn(() => true);
    (document as { execCommand?: unknown }).execCommand = exec;
    const inputs: string[] = [];
    editor.addEventListener('beforeinput', (event) => inputs.push((event as InputEvent).data ?? ''));
    const result = await insertText(editor, '插入', { settleMs: 0 });
    expect([exec.mock.calls.length, inputs, result.ok, result.messageId]).toEqual([0, ['插入'], false, 'dom.insert.notApplied']);
  });

  it('replaces a whole field that already holds part of the text through one paste, without a second insertion', async () => {
    // A draft restored into an editor where the user typed its first line again after a reload: the paste
    // replaces the selection, so that line occurs as often as before, and the insertion still landed.
    document.body.innerHTML = '<div contenteditable="true"><p>一、主要工作情况</p></div>';
    const editor = document.querySelector('div')!;
    editor.addEventListener('paste', (event) => {
      const lines = ((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '').split('\n');
      event.preventDefault();
      editor.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
    });
    const exec = vi.fn(() => true);
    (document as { execCommand?: unknown }).execCommand = exec;
    const whole = document.createRange();
    whole.selectNodeContents(editor);
    const result = await insertText(editor, '一、主要工作情况\n（一）加强组织领导。', { selection: { kind: 'range', range: whole }, settleMs: 0 });
    expect([result.ok, result.technique, exec.mock.calls.length, editor.textContent]).toEqual([
      true,
      'paste',
      0,
      '一、主要工作情况（一）加强组织领导。',
    ]);
  });

  it('does not count text that was selected before as inserted when nothing changed', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>甲乙</p></div>';
    const editor = document.querySelector('div')!;
    const whole = document.createRange();
    whole.selectNodeContents(editor);
    const result = await insertText(editor, '甲', { selection: { kind: 'range', range: whole }, settleMs: 0 });
    expect(result).toMatchObject({ ok: false, messageId: 'dom.insert.notApplied' });
    expect(editor.textContent).toBe('甲乙');
  });

  it('separates paragraphs with a blank line in the paste for CKEditor 5', async () => {
    document.body.innerHTML = '<div class="ck-editor__editable" contenteditable="true"><p>文</p></div>';
    const editor = document.querySelector('div')!;
    const pasted: string[] = [];
    editor.addEventListener('paste', (event) => pasted.push((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''));
    await insertText(editor, '甲\n乙', { settleMs: 0 });
    expect(pasted).toEqual(['甲\n\n乙']);
  });

  it('reports failure when no technique changed the content', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>文</p></div>';
    const result = await insertText(document.querySelector('div')!, '插入', { settleMs: 0 });
    expect(result).toMatchObject({ ok: false, inserted: '', messageId: 'dom.insert.notApplied' });
  });

  it('refuses an element that is not editable', async () => {
    document.body.innerHTML = '<div>文</div>';
    expect(await insertText(document.querySelector('div')!, '插入')).toMatchObject({ ok: false, messageId: 'dom.insert.notEditable' });
  });
});

describe('insertAtTrackedCaret', () => {
  it('inserts at the caret recorded before the user clicked elsewhere', async () => {
    const el = textarea('前文后文');
    const other = document.createElement('input');
    document.body.append(other);
    const tracker = createFocusTracker(window, { ignore: (node) => node === other });
    stops.push(() => tracker.dispose());
    // The user clicks into the field (a trusted press), as the tracker requires.
    const press = new Event('pointerdown', { bubbles: true });
    Object.defineProperty(press, 'isTrusted', { value: true });
    el.dispatchEvent(press);
    el.focus();
    el.setSelectionRange(2, 2);
    el.dispatchEvent(new Event('keyup', { bubbles: true }));
    other.focus();
    el.setSelectionRange(4, 4);
    await insertAtTrackedCaret(tracker, '中');
    expect(el.value).toBe('前文中后文');
  });

  it('says when no field was focused yet', async () => {
    const tracker = createFocusTracker(window);
    stops.push(() => tracker.dispose());
    expect(await insertAtTrackedCaret(tracker, '中')).toMatchObject({ ok: false, messageId: 'dom.insert.noField' });
  });
});
