// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as discovery from '@/lib/dom/discovery';
import { createFocusTracker } from '@/lib/dom/focus';
import { createDomBridge, pageTitleOf } from '@/lib/host/dom-bridge';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  document.body.innerHTML = `
    <form>
      <label for="main">主要工作情况</label><textarea id="main"></textarea>
      <span id="count">0</span>
    </form>`;
  const spy = vi.spyOn(discovery, 'discoverFields');
  const bridge = createDomBridge(window, createFocusTracker(window));
  return { bridge, spy };
}

describe('createDomBridge.readFields', () => {
  it('reads the new text after an edit without walking the page again', async () => {
    const { bridge, spy } = setup();
    expect(bridge.readFields()[0]!.text).toBe('');
    (document.getElementById('main') as HTMLTextAreaElement).value = '一、主要工作情况';
    document.getElementById('count')!.textContent = '8';
    await flush();
    expect(bridge.readFields()[0]!.text).toBe('一、主要工作情况');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('finds a field the page added later', async () => {
    const { bridge } = setup();
    expect(bridge.readFields()).toHaveLength(1);
    const extra = document.createElement('div');
    extra.innerHTML = '<label for="plans">下一步工作打算</label><textarea id="plans"></textarea>';
    document.querySelector('form')!.append(extra);
    await flush();
    expect(bridge.readFields().map((f) => f.label)).toEqual(['主要工作情况', '下一步工作打算']);
  });

  it('drops a field the page removed', async () => {
    const { bridge } = setup();
    expect(bridge.readFields()).toHaveLength(1);
    document.getElementById('main')!.remove();
    await flush();
    expect(bridge.readFields()).toHaveLength(0);
  });
});

describe('createDomBridge.applyFix', () => {
  const TEXT = '一、主要工作情况\n二、下一步工作打算\n三、意见建议';
  // 二、存在的问题 goes in after the first line; the 二、三、 after it become 三、四、 in the same edit.
  const at = TEXT.indexOf('\n二、');
  const merged = { start: at, end: TEXT.indexOf('三、') + 1, text: `\n二、存在的问题\n三、下一步工作打算\n四` };
  const RESULT = '一、主要工作情况\n二、存在的问题\n三、下一步工作打算\n四、意见建议';

  function field(text: string, maxLength?: number) {
    const { bridge } = setup();
    const textarea = document.getElementById('main') as HTMLTextAreaElement;
    if (maxLength !== undefined) textarea.maxLength = maxLength;
    textarea.value = text;
    const key = bridge.readFields()[0]!.key;
    const finding = { ruleId: 'structure-suggestion', category: 'coverage', severity: 'info' as const, start: at, end: at, messageId: 'x', fieldKey: key, fix: merged };
    return { bridge, textarea, finding };
  }

  it('applies a replacement whole when the field holds the text the analysis read', async () => {
    const { bridge, textarea, finding } = field(TEXT);
    const outcome = await bridge.applyFix(finding, { expectedText: TEXT });
    expect(outcome.ok).toBe(true);
    expect(textarea.value).toBe(RESULT);
  });

  it('tells the page about the change, as typing would', async () => {
    const { bridge, textarea, finding } = field(TEXT);
    const seen: string[] = [];
    textarea.addEventListener('input', () => seen.push(textarea.value));
    await bridge.applyFix(finding, { expectedText: TEXT });
    expect(seen.at(-1)).toBe(RESULT);
  });

  it('leaves the caret where the caller asks', async () => {
    const { bridge, textarea, finding } = field(TEXT);
    const caret = at + '\n二、存在的问题'.length;
    await bridge.applyFix(finding, { expectedText: TEXT, caret });
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([caret, caret]);
  });

  it('changes nothing when the user typed after the analysis', async () => {
    const { bridge, textarea, finding } = field(`${TEXT}\n补充一句。`);
    const outcome = await bridge.applyFix(finding, { expectedText: TEXT });
    expect(outcome).toEqual({ ok: false, messageId: 'checks.fixStale' });
    expect(textarea.value).toBe(`${TEXT}\n补充一句。`);
  });

  it('refuses a replacement that maxlength would cut short, changing nothing', async () => {
    const { bridge, textarea, finding } = field(TEXT, TEXT.length + 3);
    const outcome = await bridge.applyFix(finding, { expectedText: TEXT });
    expect(outcome).toEqual({ ok: false, messageId: 'panel.fixTooLong', params: { max: TEXT.length + 3 } });
    expect(textarea.value).toBe(TEXT);
  });
});

describe('pageTitleOf', () => {
  it('reads an OA form title from its first table cell when the page has no heading', () => {
    document.title = '办公系统';
    document.body.innerHTML = '<table><tr><td colspan="2">2026年度意识形态工作责任制落实情况报告</td></tr><tr><th>单位名称</th><td><input></td></tr></table>';
    expect(pageTitleOf(document)).toContain('2026年度意识形态工作责任制落实情况报告');
  });

  it('takes the main heading, and no ordinary cell', () => {
    document.title = '填报平台';
    document.body.innerHTML = '<h1>意识形态工作半年度报告</h1><table><tr><th>联系人</th><td>张三</td></tr></table>';
    const title = pageTitleOf(document);
    expect(title).toContain('意识形态工作半年度报告');
    expect(title).not.toContain('联系人');
  });
});
