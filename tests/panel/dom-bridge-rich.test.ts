// @vitest-environment happy-dom
// applyFix in a contenteditable (issue 10 item 4): a scaffold goes in at the offset the analysis gave (mapped from
// innerText onto the DOM) through the insertion adapters; a replacement only inside one text node; a merged
// scaffold + renumbering goes in as the scaffold alone, saying so; a field edited since is left alone.
// happy-dom has no execCommand, so the editor here handles the paste itself, as Quill, wangEditor, TinyMCE and
// CKEditor 5 do; real Chromium and the real editors are in tests/e2e/scaffold-rich.e2e.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createFocusTracker } from '@/lib/dom/focus';
import { createDomBridge } from '@/lib/host/dom-bridge';
import type { Finding, Fix } from '@/lib/core/types';

afterEach(() => {
  document.body.innerHTML = '';
  delete (document as { execCommand?: unknown }).execCommand;
});

/** An editor that takes a pasted text's lines as paragraphs at the selection (replacing it), and cancels the paste. */
function setup(html: string) {
  document.body.innerHTML = `<form><label id="l">主要工作情况</label><div id="ed" contenteditable="true" aria-labelledby="l">${html}</div></form>`;
  const editor = document.getElementById('ed')!;
  const pastes: string[] = [];
  editor.addEventListener('paste', (event) => {
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    pastes.push(text);
    event.preventDefault();
    const range = document.getSelection()!.getRangeAt(0);
    range.deleteContents();
    const [first, ...rest] = text.split('\n');
    range.insertNode(document.createTextNode(first!));
    // Each further line a paragraph after the caret's paragraph, as the real editors make them.
    let block = (range.startContainer.nodeType === 3 ? range.startContainer.parentElement : (range.startContainer as Element))!.closest('p')!;
    for (const line of rest) {
      const p = document.createElement('p');
      p.textContent = line;
      block.after(p);
      block = p;
    }
  });
  const bridge = createDomBridge(window, createFocusTracker(window));
  const field = bridge.readFields().find((f) => f.label === '主要工作情况')!;
  return { bridge, editor, field, pastes };
}

const finding = (fieldKey: string, fix: Fix): Finding => ({
  ruleId: 'coverage-section-missing',
  category: 'coverage',
  severity: 'blocking',
  start: fix.start,
  end: fix.start,
  messageId: 'coverage.sectionMissing',
  fieldKey,
  fix,
});

const paragraphs = (editor: HTMLElement) => Array.from(editor.querySelectorAll('p'), (p) => p.textContent);
const HTML = '<p>一、主要工作情况</p><p>（一）压实主体责任。</p>';
const SCAFFOLD = '\n二、存在的问题\n对照要求，还存在一些差距和不足。';

describe('createDomBridge.applyFix in a contenteditable', () => {
  it('inserts a scaffold at the end of the field as paragraphs after the text typed before', async () => {
    const { bridge, editor, field, pastes } = setup(HTML);
    expect(field.kind).not.toBe('textarea');
    const at = field.text.length;
    const outcome = await bridge.applyFix(finding(field.key, { start: at, end: at, text: SCAFFOLD }), { expectedText: field.text });
    expect(outcome).toMatchObject({ ok: true });
    // What 撤销 needs: the field's text before and after the change.
    expect(outcome.before).toBe(field.text);
    expect(outcome.after).toBe(bridge.readFields().find((f) => f.key === field.key)!.text);
    expect(pastes).toEqual([SCAFFOLD]);
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '（一）压实主体责任。', '二、存在的问题', '对照要求，还存在一些差距和不足。']);
  });

  it('inserts after the preceding section, before the heading that follows it', async () => {
    const { bridge, editor, field } = setup(`${HTML}<p>三、下一步工作打算</p>`);
    const at = field.text.indexOf('。') + 1;
    const outcome = await bridge.applyFix(finding(field.key, { start: at, end: at, text: SCAFFOLD }), { expectedText: field.text });
    expect(outcome.ok).toBe(true);
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '（一）压实主体责任。', '二、存在的问题', '对照要求，还存在一些差距和不足。', '三、下一步工作打算']);
  });

  it('collapses the blank lines innerText puts between paragraphs, so that no empty paragraph goes in', async () => {
    const { bridge, field, pastes } = setup(HTML);
    const at = field.text.length;
    await bridge.applyFix(finding(field.key, { start: at, end: at, text: '\n\n二、存在的问题\n\n一是。' }), { expectedText: field.text });
    expect(pastes).toEqual(['\n二、存在的问题\n一是。']);
  });

  it('changes nothing when the field no longer holds the text the analysis read', async () => {
    const { bridge, editor, field, pastes } = setup(HTML);
    const at = field.text.length;
    const outcome = await bridge.applyFix(finding(field.key, { start: at, end: at, text: SCAFFOLD }), { expectedText: `${field.text}补充` });
    expect(outcome).toEqual({ ok: false, messageId: 'checks.fixStale' });
    expect(pastes).toEqual([]);
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '（一）压实主体责任。']);
  });

  it('replaces text inside one text node', async () => {
    const { bridge, editor, field } = setup('<p>一、主要工作情况</p><p>全年召开会议4次,研判2次。</p>');
    const at = field.text.indexOf(',');
    const outcome = await bridge.applyFix(finding(field.key, { start: at, end: at + 1, text: '，' }), { expectedText: field.text });
    expect(outcome).toMatchObject({ ok: true });
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '全年召开会议4次，研判2次。']);
  });

  it('leaves a replacement across paragraphs to the user, changing nothing', async () => {
    const { bridge, editor, field, pastes } = setup(HTML);
    const outcome = await bridge.applyFix(finding(field.key, { start: 0, end: field.text.length, text: '重写' }), { expectedText: field.text });
    expect(outcome).toEqual({ ok: false, messageId: 'checks.fixManual' });
    expect(pastes).toEqual([]);
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '（一）压实主体责任。']);
  });

  it('with wholeField, makes a change across paragraphs as one paste of the whole fixed text', async () => {
    document.body.innerHTML = `<form><label id="l">主要工作情况</label><div id="ed" contenteditable="true" aria-labelledby="l"><p>一、主要工作情况</p><p>做了工作。</p><p>四、存在的不足</p><p>学习不够。</p></div></form>`;
    const editor = document.getElementById('ed')!;
    const pastes: string[] = [];
    // An editor that replaces everything selected with the pasted lines as paragraphs.
    editor.addEventListener('paste', (event) => {
      const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      pastes.push(text);
      event.preventDefault();
      editor.innerHTML = text
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('');
    });
    const bridge = createDomBridge(window, createFocusTracker(window));
    const field = bridge.readFields().find((f) => f.label === '主要工作情况')!;
    const from = field.text.indexOf('四、');
    const cut = { start: from, end: field.text.length, text: '' };
    // Without it, a deletion across paragraphs is left to the user.
    expect(await bridge.applyFix(finding(field.key, cut), { expectedText: field.text })).toEqual({ ok: false, messageId: 'checks.fixManual' });
    const outcome = await bridge.applyFix(finding(field.key, cut), { expectedText: field.text, wholeField: true });
    expect(outcome).toMatchObject({ ok: true, before: field.text });
    expect(pastes).toEqual([field.text.slice(0, from).trim().replace(/\n{2,}/g, '\n')]);
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '做了工作。']);
  });

  it('inserts a scaffold whose fix also renumbers as the scaffold alone, and says the renumbering was skipped', async () => {
    const { bridge, editor, field } = setup(`${HTML}<p>二、下一步工作打算</p>`);
    const at = field.text.indexOf('。') + 1;
    const next = field.text.indexOf('二、');
    const insertion = { start: at, end: at, text: SCAFFOLD };
    // mergeEdits' shape: from the insertion point to the renumbered marker, the text between carried as it is.
    const merged = { start: at, end: next + 1, text: SCAFFOLD + field.text.slice(at, next) + '三' };
    const outcome = await bridge.applyFix(finding(field.key, merged), { expectedText: field.text, insertion });
    expect(outcome).toMatchObject({ ok: true, renumberSkipped: true });
    expect(paragraphs(editor)).toEqual(['一、主要工作情况', '（一）压实主体责任。', '二、存在的问题', '对照要求，还存在一些差距和不足。', '二、下一步工作打算']);
  });
});
