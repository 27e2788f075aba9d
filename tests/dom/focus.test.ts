// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFocusTracker, keepFocusOnMouseDown, type FocusTracker } from '../../lib/dom/focus';
import { isComposing } from '../../lib/dom/composition';

let tracker: FocusTracker | undefined;

afterEach(() => {
  tracker?.dispose();
  tracker = undefined;
  document.body.innerHTML = '';
});

/** The user presses on `el` and it takes focus: what a click does (trusted press, then focus). */
function press(el: Element): void {
  const event = new Event('pointerdown', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

function userFocus(el: HTMLElement): void {
  press(el);
  el.focus();
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function mountPanel(): { host: HTMLElement; search: HTMLInputElement; button: HTMLButtonElement } {
  const host = document.createElement('tianbao-panel');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const search = document.createElement('input');
  const button = document.createElement('button');
  button.textContent = '插入';
  shadow.append(search, button);
  return { host, search, button };
}

async function addIframe(html: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = html;
  document.body.append(frame);
  await tick(30);
  return frame;
}

function caretIn(doc: Document, node: Node, offset: number): void {
  const range = doc.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * What Chromium does when focus moves into a frame: the parent's activeElement becomes the frame and the
 * parent window blurs. happy-dom does neither, so the test plays it; tests/e2e cover the real browser.
 */
function enterFrame(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(document, 'activeElement', 'get').mockReturnValue(frame);
  window.dispatchEvent(new Event('blur'));
  spy.mockRestore();
}

it('does not touch frames before focus enters them', async () => {
  const frame = await addIframe('<body><textarea id="untouched"></textarea></body>');
  const spy = vi.spyOn(frame, 'contentDocument', 'get');
  tracker = createFocusTracker(window);
  expect(spy).not.toHaveBeenCalled();
  spy.mockRestore();
});

describe('createFocusTracker records', () => {
  it('a textarea focused in the top document, with its selection', () => {
    document.body.innerHTML = '<textarea id="t">前文后文</textarea>';
    tracker = createFocusTracker(window);
    const textarea = document.getElementById('t') as HTMLTextAreaElement;
    userFocus(textarea);
    textarea.setSelectionRange(2, 2);
    textarea.dispatchEvent(new Event('keyup', { bubbles: true }));
    const current = tracker.current();
    expect(current?.element).toBe(textarea);
    expect(current?.document).toBe(document);
    expect(current?.selection).toEqual({ kind: 'offsets', start: 2, end: 2, direction: 'none' });
  });

  it('a text input but not a checkbox, password or button', () => {
    document.body.innerHTML =
      '<input id="name"><input id="box" type="checkbox"><input id="pw" type="password"><button id="b">x</button>';
    tracker = createFocusTracker(window);
    userFocus((document.getElementById('name') as HTMLInputElement));
    for (const id of ['box', 'pw', 'b']) userFocus((document.getElementById(id) as HTMLElement));
    expect(tracker.current()?.element.id).toBe('name');
  });

  it('the field that already has the caret when the tracker starts', () => {
    document.body.innerHTML = '<input id="name" value="单位">';
    const input = document.getElementById('name') as HTMLInputElement;
    userFocus(input);
    input.setSelectionRange(1, 1);
    tracker = createFocusTracker(window);
    expect(tracker.current()?.element).toBe(input);
    expect(tracker.current()?.selection).toMatchObject({ start: 1, end: 1 });
  });

  it('the editing host of a contenteditable region with a range', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p id="p">前文后文</p></div>';
    tracker = createFocusTracker(window);
    const editor = document.getElementById('ed')!;
    userFocus(editor);
    caretIn(document, document.getElementById('p')!.firstChild!, 2);
    await tick();
    const selection = tracker.current()?.selection;
    expect(tracker.current()?.element).toBe(editor);
    expect(selection?.kind).toBe('range');
    expect(selection?.kind === 'range' && selection.range.startOffset).toBe(2);
  });

  it('a field inside a same-origin iframe present at start', async () => {
    const frame = await addIframe('<body><textarea id="inner">框内</textarea></body>');
    tracker = createFocusTracker(window);
    const inner = frame.contentDocument!.getElementById('inner') as HTMLTextAreaElement;
    enterFrame(frame);
    userFocus(inner);
    expect(tracker.current()?.element).toBe(inner);
    expect(tracker.current()?.document).toBe(frame.contentDocument);
  });

  it('a field inside an iframe added after the tracker started', async () => {
    tracker = createFocusTracker(window);
    const frame = await addIframe('<body><input id="late"></body>');
    const late = frame.contentDocument!.getElementById('late') as HTMLInputElement;
    enterFrame(frame);
    userFocus(late);
    expect(tracker.current()?.element).toBe(late);
  });

  it('the body of a designMode iframe document', async () => {
    const frame = await addIframe('<body><p>正文</p></body>');
    frame.contentDocument!.designMode = 'on';
    tracker = createFocusTracker(window);
    enterFrame(frame);
    frame.contentDocument!.body.focus();
    frame.contentDocument!.dispatchEvent(new Event('focusin'));
    expect(tracker.current()?.element).toBe(frame.contentDocument!.body);
  });

  it('an open composition in a watched document', () => {
    tracker = createFocusTracker(window);
    document.dispatchEvent(new CompositionEvent('compositionstart'));
    expect(isComposing(document)).toBe(true);
    document.dispatchEvent(new CompositionEvent('compositionend'));
    expect(isComposing(document)).toBe(false);
  });
});

describe('createFocusTracker keeps the page field', () => {
  it('when the user clicks into the ignored panel search box', () => {
    document.body.innerHTML = '<textarea id="t">前文后文</textarea>';
    const panel = mountPanel();
    tracker = createFocusTracker(window, { ignore: (el) => el === panel.host });
    const textarea = document.getElementById('t') as HTMLTextAreaElement;
    userFocus(textarea);
    textarea.setSelectionRange(1, 3);
    textarea.dispatchEvent(new Event('mouseup', { bubbles: true }));
    panel.search.focus();
    panel.search.dispatchEvent(new Event('keyup', { bubbles: true, composed: true }));
    expect(tracker.current()?.element).toBe(textarea);
    expect(tracker.current()?.selection).toMatchObject({ start: 1, end: 3 });
  });

  it('and restore() focuses it again with its selection', () => {
    document.body.innerHTML = '<textarea id="t">前文后文</textarea>';
    const panel = mountPanel();
    tracker = createFocusTracker(window, { ignore: (el) => el === panel.host });
    const textarea = document.getElementById('t') as HTMLTextAreaElement;
    userFocus(textarea);
    textarea.setSelectionRange(2, 2);
    textarea.dispatchEvent(new Event('keyup', { bubbles: true }));
    panel.search.focus();
    textarea.setSelectionRange(0, 0);
    expect(tracker.restore()).toBe(true);
    expect(document.activeElement).toBe(textarea);
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([2, 2]);
  });

  it('and restore() puts a contenteditable range back', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p id="p">前文后文</p></div>';
    const panel = mountPanel();
    tracker = createFocusTracker(window, { ignore: (el) => el === panel.host });
    const editor = document.getElementById('ed')!;
    const text = document.getElementById('p')!.firstChild!;
    userFocus(editor);
    caretIn(document, text, 2);
    await tick();
    panel.search.focus();
    document.getSelection()!.removeAllRanges();
    await tick();
    expect(tracker.restore()).toBe(true);
    const range = document.getSelection()!.getRangeAt(0);
    expect([range.startContainer, range.startOffset]).toEqual([text, 2]);
  });
});

describe('createFocusTracker is safe', () => {
  it('restore() returns false when the field was removed from the page', () => {
    document.body.innerHTML = '<input id="gone">';
    tracker = createFocusTracker(window);
    const input = document.getElementById('gone') as HTMLInputElement;
    userFocus(input);
    input.remove();
    expect(tracker.restore()).toBe(false);
  });

  it('skips a cross-origin frame whose document cannot be read', () => {
    const frame = document.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    document.body.append(frame);
    expect(() => {
      tracker = createFocusTracker(window);
    }).not.toThrow();
  });

  it('does not let a subscriber exception reach the page', () => {
    document.body.innerHTML = '<input id="a">';
    tracker = createFocusTracker(window);
    tracker.subscribe(() => {
      throw new Error('subscriber bug');
    });
    expect(() => userFocus((document.getElementById('a') as HTMLInputElement))).not.toThrow();
  });

  it('notifies subscribers when another field is focused', () => {
    document.body.innerHTML = '<input id="a"><textarea id="b"></textarea>';
    tracker = createFocusTracker(window);
    const seen: string[] = [];
    tracker.subscribe((field) => seen.push(field?.element.id ?? ''));
    userFocus((document.getElementById('a') as HTMLInputElement));
    userFocus((document.getElementById('b') as HTMLTextAreaElement));
    expect(seen).toEqual(['a', 'b']);
  });

  it('stops recording after dispose()', () => {
    document.body.innerHTML = '<input id="a"><input id="b">';
    tracker = createFocusTracker(window);
    userFocus((document.getElementById('a') as HTMLInputElement));
    tracker.dispose();
    userFocus((document.getElementById('b') as HTMLInputElement));
    expect(tracker.current()).toBeUndefined();
  });
});

describe('keepFocusOnMouseDown', () => {
  const press = (el: Element) => {
    const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('cancels the focus move of a mousedown on a panel button', () => {
    const panel = mountPanel();
    keepFocusOnMouseDown(panel.host.shadowRoot!);
    expect(press(panel.button)).toBe(true);
  });

  it('lets the panel search box take focus', () => {
    const panel = mountPanel();
    keepFocusOnMouseDown(panel.host.shadowRoot!);
    expect(press(panel.search)).toBe(false);
  });

  it('stops when its disposer is called', () => {
    const panel = mountPanel();
    keepFocusOnMouseDown(panel.host.shadowRoot!)();
    expect(press(panel.button)).toBe(false);
  });
});

describe('createFocusTracker ignores what a page script does on its own', () => {
  it('a field the script focuses without the user pressing anything', () => {
    document.body.innerHTML = '<textarea id="mine"></textarea><textarea id="trap" style="opacity:0"></textarea>';
    tracker = createFocusTracker(window);
    userFocus(document.getElementById('mine') as HTMLTextAreaElement);
    (document.getElementById('trap') as HTMLTextAreaElement).focus();
    expect(tracker.current()?.element.id).toBe('mine');
  });

  it('synthetic keyup and input events in another field', () => {
    document.body.innerHTML = '<textarea id="mine"></textarea><textarea id="trap"></textarea>';
    tracker = createFocusTracker(window);
    userFocus(document.getElementById('mine') as HTMLTextAreaElement);
    const trap = document.getElementById('trap') as HTMLTextAreaElement;
    // Focus moved by the script long after the user's press; then it fakes typing there.
    (tracker as unknown as { current(): unknown }).current();
    trap.focus();
    trap.dispatchEvent(new Event('input', { bubbles: true }));
    trap.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    expect(tracker.current()?.element.id).toBe('mine');
  });
});
