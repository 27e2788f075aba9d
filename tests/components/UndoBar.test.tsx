// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UndoBar } from '@/components/panel/UndoBar';
import { ChecksView } from '@/components/panel/ChecksView';
import { createPanelStore } from '@/lib/panel/store';
import { diffEdit, longDeletion, sameText } from '@/lib/panel/undo';
import type { ApplyFixOptions, PageBridge, PanelField } from '@/lib/panel/bridge';
import type { Finding } from '@/lib/core/types';
import { analysisOfMainField, fakeBridge } from './panel-doubles';

/**
 * A page of textareas whose applyFix behaves as the DOM bridge's: the fix goes in whole unless the field no
 * longer holds the text expected, and a change that went in reports the field's text before and after.
 */
function pageOf(initial: Record<string, string>) {
  const values = new Map(Object.entries(initial));
  const applyFix = vi.fn(async (finding: Finding, options: ApplyFixOptions = {}) => {
    const key = finding.fieldKey ?? '';
    const value = values.get(key);
    const fix = finding.fix;
    if (value === undefined || !fix) return { ok: false, messageId: 'panel.fieldGone' };
    if (options.expectedText !== undefined && options.expectedText !== value) return { ok: false, messageId: 'checks.fixStale' };
    const after = value.slice(0, fix.start) + fix.text + value.slice(fix.end);
    values.set(key, after);
    return { ok: true, before: value, after };
  });
  const readFields = (): PanelField[] =>
    [...values].map(([key, text]) => ({ key, label: key === 'main' ? '主要工作情况' : key, required: false, kind: 'textarea', text }));
  const bridge: PageBridge = fakeBridge({ readFields, applyFix });
  return { bridge, values };
}

// A paragraph pasted twice: the duplicate rule offers to delete the second copy, a whole sentence.
const PARAGRAPH = '党组召开会议专题研究意识形态工作，分析研判意识形态领域形势，部署推进重点任务，压实各级党组织主体责任。';
const DOUBLED = `一、主要工作情况\n${PARAGRAPH}\n${PARAGRAPH}\n二、存在的问题\n学习不够深入。`;
const TYPO = '一、主要工作情况\n深入学习贯彻党的十九五中全会精神。';

describe('撤销 the panel’s last change', () => {
  it('puts a fixed field back as it was, in one step', async () => {
    const { bridge, values } = pageOf({ main: TYPO });
    const store = createPanelStore('http://portal.test');
    render(
      <>
        <UndoBar store={store} bridge={bridge} />
        <ChecksView analysis={analysisOfMainField(TYPO, { templateId: 'none' })} bridge={bridge} record={(c) => store.getState().setLastChange(c)} />
      </>,
    );
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;
    await userEvent.click(within(row).getByRole('button', { name: /改为/ }));
    expect(values.get('main')).toContain('十九届五中全会');
    expect(screen.getByTestId('tianbao-undo').textContent).toContain('主要工作情况');
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(values.get('main')).toBe(TYPO);
    expect(screen.getByRole('status').textContent).toContain('已撤销');
    // Taken back: nothing left to undo.
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
  });

  it('refuses, changing nothing, when the field was edited after the change', async () => {
    const { bridge, values } = pageOf({ main: TYPO });
    const store = createPanelStore('http://portal.test');
    store.getState().setLastChange({ kind: 'fix', fields: [{ key: 'main', label: '主要工作情况', before: 'old text', after: TYPO }] });
    values.set('main', `${TYPO}又写了一句。`);
    render(<UndoBar store={store} bridge={bridge} />);
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByRole('alert').textContent).toContain('内容已被修改，无法撤销');
    expect(values.get('main')).toBe(`${TYPO}又写了一句。`);
    expect(bridge.applyFix).not.toHaveBeenCalled();
  });

  it('takes a change over several fields back whole, or not at all when one of them changed', async () => {
    const { bridge, values } = pageOf({ main: 'A after', problems: 'B after' });
    const store = createPanelStore('http://portal.test');
    const change = {
      kind: 'split' as const,
      fields: [
        { key: 'main', label: '主要工作情况', before: 'A before', after: 'A after' },
        { key: 'problems', label: '存在的问题', before: 'B before', after: 'B after' },
      ],
    };
    store.getState().setLastChange(change);
    values.set('problems', 'B typed');
    const { unmount } = render(<UndoBar store={store} bridge={bridge} />);
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByRole('alert').textContent).toContain('存在的问题');
    expect(values.get('main')).toBe('A after');
    unmount();

    values.set('problems', 'B after');
    render(<UndoBar store={store} bridge={bridge} />);
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(values.get('main')).toBe('A before');
    expect(values.get('problems')).toBe('B before');
  });

  it('takes back a change in an editor that settled the blank lines between its paragraphs since', async () => {
    const { bridge, values } = pageOf({ main: '一、甲\n\n乙。\n\n\u00a0' });
    const store = createPanelStore('http://portal.test');
    store.getState().setLastChange({ kind: 'split', fields: [{ key: 'main', label: '主要工作情况', before: '原文', after: '一、甲\n乙。' }] });
    render(<UndoBar store={store} bridge={bridge} />);
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(values.get('main')).toBe('原文');
    // Spacing is all it forgives: a character typed is a change.
    expect(sameText('一、甲\n乙。', '一、甲\n乙')).toBe(false);
  });

  it('says a field that left the page cannot be restored', async () => {
    const { bridge } = pageOf({ main: 'A' });
    const store = createPanelStore('http://portal.test');
    store.getState().setLastChange({ kind: 'scaffold', fields: [{ key: 'gone', label: '存在的问题', before: '', after: 'x' }] });
    render(<UndoBar store={store} bridge={bridge} />);
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByRole('alert').textContent).toContain('已不在页面上');
  });

  it('records 全部改正 as one change that one 撤销 takes back', async () => {
    const text = `一、主要工作情况\n${'今年召开会议,研究部署,推进落实。'.repeat(3)}`;
    const { bridge, values } = pageOf({ main: text });
    const store = createPanelStore('http://portal.test');
    render(
      <>
        <UndoBar store={store} bridge={bridge} />
        <ChecksView analysis={analysisOfMainField(text, { templateId: 'none' })} bridge={bridge} record={(c) => store.getState().setLastChange(c)} />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
    expect(values.get('main')).not.toContain(',');
    expect(store.getState().lastChange?.kind).toBe('fixAll');
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(values.get('main')).toBe(text);
  });
});

describe('a long deletion is shown before it is made', () => {
  it('shows the text a 删除 would remove and deletes only on 确认删除', async () => {
    const { bridge, values } = pageOf({ main: DOUBLED });
    const analysis = analysisOfMainField(DOUBLED, { templateId: 'none' });
    const deletion = analysis.findings.find((f) => f.fix && f.fix.text === '' && longDeletion(DOUBLED, f.fix!) !== undefined);
    expect(deletion, 'the duplicate paragraph is offered for deletion').toBeDefined();
    render(<ChecksView analysis={analysis} bridge={bridge} />);
    const row = screen
      .getAllByRole('listitem')
      .find((li) => within(li).queryByRole('button', { name: '删除' }) && li.textContent?.includes(DOUBLED.slice(deletion!.start, deletion!.start + 10)))!;
    await userEvent.click(within(row).getByRole('button', { name: '删除' }));
    expect(bridge.applyFix).not.toHaveBeenCalled();
    const removed = DOUBLED.slice(deletion!.fix!.start, deletion!.fix!.end);
    expect(within(row).getByRole('blockquote').textContent).toBe(longDeletion(DOUBLED, deletion!.fix!));
    expect(removed).toContain(within(row).getByRole('blockquote').textContent!.trim());

    await userEvent.click(within(row).getByRole('button', { name: '取消' }));
    expect(bridge.applyFix).not.toHaveBeenCalled();
    expect(values.get('main')).toBe(DOUBLED);

    await userEvent.click(within(row).getByRole('button', { name: '删除' }));
    await userEvent.click(within(row).getByRole('button', { name: '确认删除' }));
    expect(bridge.applyFix).toHaveBeenCalledTimes(1);
    expect(values.get('main')!.split(PARAGRAPH).length - 1).toBe(1);
  });

  it('deletes a stray mark or a short word at once', () => {
    expect(longDeletion('今年召开会议，，研究部署。', { start: 6, end: 7, text: '' })).toBeUndefined();
    expect(longDeletion('深入学习贯彻贯彻落实', { start: 4, end: 6, text: '' })).toBeUndefined();
  });

  it('counts as long a deletion holding a sentence end, or over forty characters', () => {
    expect(longDeletion('开会。再开会。', { start: 3, end: 7, text: '' })).toBe('再开会。');
    const long = '甲'.repeat(41);
    expect(longDeletion(`前${long}后`, { start: 1, end: 42, text: '' })).toBe(long);
    // A replacement that keeps most of what it replaces removes only the difference.
    expect(longDeletion('甲乙丙丁。戊', { start: 0, end: 5, text: '甲乙丙丁' })).toBe('。');
  });

  it('finds the one replacement between two texts', () => {
    expect(diffEdit('abcXYdef', 'abcdef')).toEqual({ start: 3, end: 5, text: '' });
    expect(diffEdit('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
    expect(diffEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
  });
});
