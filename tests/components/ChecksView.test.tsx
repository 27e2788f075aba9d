// @vitest-environment happy-dom
import type { Finding } from '@/lib/core/types';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksView } from '@/components/panel/ChecksView';
import { parseTemplate, type TemplateInput } from '@/lib/core/template';
import { BETWEEN, analysisOfMainField, fakeBridge as bridge, textareaBridge } from './panel-doubles';

// A line as users paste it from a 范文 site: a placeholder and a wrong meeting name.
const TEXT = '一、主要工作情况\n深入学习贯彻党的十九五中全会精神，副主任xx负责意识形态工作。';

const analysisOf = (text: string) => analysisOfMainField(text, { templateId: 'none' });

/** 全部改正 now shows what it would change first; the changes go in on 确认改正. */
async function fixAllConfirmed() {
  await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
  await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
}

const rowQuoting = (excerpt: string) =>
  screen.getAllByRole('listitem').find((li) => li.textContent?.includes(`“${excerpt}”`))!;

/** Six required sections, 甲 to 己, each with a one-line scaffold. */
const sixParts = (() => {
  const parsed = parseTemplate({
    schemaVersion: 1,
    id: 'six-parts',
    version: 1,
    name: '六段式报告',
    kinds: ['六段式报告'],
    sections: ['甲', '乙', '丙', '丁', '戊', '己'].map((name, i) => ({
      id: `part-${i + 1}`,
      title: `${name}部分`,
      required: true,
      scaffold: `${'一二三四五六'[i]}、${name}部分\n${name}的内容。`,
    })),
  });
  if (!parsed.ok) throw new Error('template');
  return parsed.template;
})();

describe('ChecksView', () => {
  it('lists blocking findings first, each quoting the text it is about', () => {
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={bridge()} />);
    const first = screen.getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('需修改');
    expect(rowQuoting('xx')).toBeTruthy();
  });

  it('locates a finding in its field', async () => {
    const b = bridge();
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    await userEvent.click(within(rowQuoting('xx')).getByRole('button', { name: '定位' }));
    const start = TEXT.indexOf('xx');
    expect(b.reveal).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main', start, end: start + 2 }));
  });

  it('applies a one-click fix that the rule offers', async () => {
    const b = bridge();
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;
    const fixButton = within(row).getByRole('button', { name: /改为/ });
    await userEvent.click(fixButton);
    expect(b.applyFix).toHaveBeenCalledWith(
      expect.objectContaining({ fix: expect.objectContaining({ text: expect.stringContaining('十九届五中全会') }) }),
      expect.anything(),
    );
  });

  it('tells the user when a fix could not be applied', async () => {
    const b = bridge();
    (b.applyFix as ReturnType<typeof vi.fn>).mockResolvedValue({ ok: false, messageId: 'checks.fixStale' });
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;
    await userEvent.click(within(row).getByRole('button', { name: /改为/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('已失效');
  });

  it('says so when there is nothing to fix', () => {
    render(<ChecksView analysis={analysisOf('一、主要工作情况\n深入学习贯彻党的二十届四中全会精神。')} bridge={bridge()} />);
    expect(screen.getByText('未发现问题。')).toBeTruthy();
  });
});

describe('ChecksView groups', () => {
  // Five half-width commas between Chinese characters: one rule, many findings.
  const MANY = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,取得成效。';

  it('shows many findings of one rule as a single row with their count', () => {
    render(<ChecksView analysis={analysisOf(MANY)} bridge={bridge()} />);
    const group = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('同类问题共'))!;
    expect(group.textContent).toMatch(/同类问题共 \d+ 处/);
  });

  it('fixes a whole group in a text field as one replacement, so that one Ctrl+Z takes the batch back', async () => {
    const b = textareaBridge('main', '主要工作情况', MANY);
    render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
    await fixAllConfirmed();
    expect(b.applyFix).toHaveBeenCalledTimes(1);
    const [finding, options] = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls[0]! as [Finding, { expectedText?: string }];
    // One edit from the first comma to the last, checked against the text the analysis read.
    expect(options.expectedText).toBe(MANY);
    expect(MANY.slice(finding.fix!.start, finding.fix!.end).split(',').length).toBeGreaterThanOrEqual(5);
    expect(b.text()).not.toContain(',');
    expect((await screen.findByRole('status')).textContent).toContain('已改正');
  });

  it('counts a place two rules see once in 需修改, as the tab\'s badge and the guard do', () => {
    const analysis = analysisOf(TEXT);
    const xx = analysis.findings.find((f) => f.severity === 'blocking' && TEXT.slice(f.start, f.end) === 'xx')!;
    // A second rule flagging the same characters (as the figures check does with "xx次").
    const seenTwice = { ...analysis, findings: [...analysis.findings, { ...xx, ruleId: 'another-rule', messageId: xx.messageId }] };
    const blocking = seenTwice.findings.filter((f) => f.severity === 'blocking');
    render(<ChecksView analysis={seenTwice} bridge={bridge()} />);
    expect(screen.getByText(/^需修改 \d+ 处/).textContent).toContain(`需修改 ${blocking.length - 1} 处`);
  });

  it('groups two findings of one rule in one field with one 全部改正 for them', async () => {
    const TWO = '一、主要工作情况\n加强领导,统筹部署,压实责任。';
    const b = textareaBridge('main', '主要工作情况', TWO);
    render(<ChecksView analysis={analysisOf(TWO)} bridge={b} />);
    const group = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('同类问题共'))!;
    expect(group.textContent).toContain('“主要工作情况”中同类问题共 2 处');
    await fixAllConfirmed();
    expect(b.applyFix).toHaveBeenCalledTimes(1);
    expect(b.text()).toBe('一、主要工作情况\n加强领导，统筹部署，压实责任。');
  });

  it('expands a group to list each finding', async () => {
    render(<ChecksView analysis={analysisOf(MANY)} bridge={bridge()} />);
    const before = screen.getAllByRole('listitem').length;
    await userEvent.click(screen.getByRole('button', { name: '逐条查看' }));
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(before + 3);
  });
});

describe('ChecksView fixes against the text it checked', () => {
  const fixRow = () => screen.getAllByRole('listitem').find((li) => li.textContent?.includes('十九五中全会'))!;

  it('passes the field text the analysis read, so that the bridge can refuse a field edited since', async () => {
    const b = textareaBridge('main', '主要工作情况', TEXT);
    render(<ChecksView analysis={analysisOf(TEXT)} bridge={b} />);
    await userEvent.click(within(fixRow()).getByRole('button', { name: /改为/ }));
    expect(b.applyFix).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main' }), expect.objectContaining({ expectedText: TEXT }));
    expect(b.text()).toContain('十九届五中全会');
  });

  it('changes nothing when the user typed after the check ran, and says the finding is out of date', async () => {
    const b = textareaBridge('main', '主要工作情况', TEXT);
    const analysis = analysisOf(TEXT);
    b.type('补充。');
    const typed = b.text();
    render(<ChecksView analysis={analysis} bridge={b} />);
    await userEvent.click(within(fixRow()).getByRole('button', { name: /改为/ }));
    expect(b.text()).toBe(typed);
    expect((await screen.findByRole('alert')).textContent).toContain('已失效');
  });

  describe('a whole group', () => {
    const MANY = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,取得成效。';

    it('applies each fix against the text the fixes before it left', async () => {
      const b = textareaBridge('main', '主要工作情况', MANY);
      render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
      await fixAllConfirmed();
      expect(b.text()).toBe('一、主要工作情况\n加强领导，统筹部署，压实责任，狠抓落实，务求实效，取得成效。');
      expect((await screen.findByRole('status')).textContent).toContain('已改正');
    });

    it('changes nothing in a field edited since the check ran', async () => {
      const b = textareaBridge('main', '主要工作情况', MANY);
      const analysis = analysisOf(MANY);
      b.type('补充,一句。');
      const typed = b.text();
      render(<ChecksView analysis={analysis} bridge={b} />);
      await fixAllConfirmed();
      expect(b.text()).toBe(typed);
      expect((await screen.findByRole('alert')).textContent).toContain('已改正 0 处');
    });
  });
});

describe('ChecksView inserting a missing section', () => {
  const annual = (text: string) => analysisOfMainField(text, { templateId: 'ideology-annual' });
  const numbered = (text: string) => text.split('\n').filter((line) => /^[一二三四五六七]、/.test(line));
  const insertButton = () => {
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('缺少「存在的问题」'))!;
    return within(row).getByRole('button', { name: '插入参考框架' });
  };

  it('offers to insert the outline rather than quoting the whole replacement', () => {
    render(<ChecksView analysis={annual(BETWEEN)} bridge={bridge()} />);
    expect(insertButton()).toBeTruthy();
    const row = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('缺少「存在的问题」'))!;
    expect(row.textContent).not.toContain('改为');
  });

  it('inserts the scaffold and renumbers the headings after it in one edit', async () => {
    const b = textareaBridge('main', '主要工作情况', BETWEEN);
    render(<ChecksView analysis={annual(BETWEEN)} bridge={b} />);
    await userEvent.click(insertButton());
    expect(b.applyFix).toHaveBeenCalledTimes(1);
    expect(b.applyFix).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main' }), expect.objectContaining({ expectedText: BETWEEN }));
    expect(numbered(b.text())).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算', '四、意见建议']);
    expect(b.text()).toContain('三、下一步工作打算\n继续加强理论学习。\n四、意见建议\n建议上级加强培训。');
  });

  it('says what went in and that the headings after it were renumbered', async () => {
    const b = textareaBridge('main', '主要工作情况', BETWEEN);
    render(<ChecksView analysis={annual(BETWEEN)} bridge={b} />);
    await userEvent.click(insertButton());
    expect((await screen.findByRole('status')).textContent).toMatch(/已插入「存在的问题」.*其后 2 个标题已重新编号/);
  });

  it('leaves the caret after the scaffold, as the Structure tab does', async () => {
    const b = textareaBridge('main', '主要工作情况', BETWEEN);
    const analysis = annual(BETWEEN);
    const [suggestion] = analysis.analysis.suggestions;
    render(<ChecksView analysis={analysis} bridge={b} />);
    await userEvent.click(insertButton());
    const caret = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls[0]![1].caret as number;
    expect(b.text().slice(0, caret).endsWith(suggestion!.scaffold)).toBe(true);
  });

  it('says only that it was inserted when nothing needed renumbering', async () => {
    const text = ['一、主要工作情况', '党组召开会议专题研究意识形态工作3次。'].join('\n');
    const b = textareaBridge('main', '主要工作情况', text);
    render(<ChecksView analysis={annual(text)} bridge={b} />);
    await userEvent.click(insertButton());
    expect(b.text().startsWith(`${text}\n二、存在的问题\n`)).toBe(true);
    const status = (await screen.findByRole('status')).textContent;
    expect(status).toContain('已插入「存在的问题」');
    expect(status).not.toContain('重新编号');
  });

  it('changes nothing and says so when the field was edited after the check', async () => {
    const b = textareaBridge('main', '主要工作情况', BETWEEN);
    const analysis = annual(BETWEEN);
    b.type('\n补充一句。');
    const typed = b.text();
    render(<ChecksView analysis={analysis} bridge={b} />);
    await userEvent.click(insertButton());
    expect(b.text()).toBe(typed);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('参考框架没有插入');
    expect(alert.textContent).toContain('原有内容未作任何改动');
    expect(alert.textContent).toContain('检查结果刷新');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('passes on why the page refused it otherwise', async () => {
    const b = bridge();
    (b.applyFix as ReturnType<typeof vi.fn>).mockResolvedValue({ ok: false, messageId: 'panel.fieldGone' });
    render(<ChecksView analysis={annual(BETWEEN)} bridge={b} />);
    await userEvent.click(insertButton());
    expect((await screen.findByRole('alert')).textContent).toContain('已不在页面上');
  });

  describe('several at once', () => {
    // Six required sections; the report has the first (and, in one case, the last).
    const six = (text: string) => analysisOfMainField(text, { templateId: 'six-parts', templates: [sixParts] });

    it('inserts sections going in at one place in template order', async () => {
      const text = '一、甲部分\n甲的内容。';
      const b = textareaBridge('main', '主要工作情况', text);
      render(<ChecksView analysis={six(text)} bridge={b} />);
      await fixAllConfirmed();
      expect(numbered(b.text())).toEqual(['一、甲部分', '二、乙部分', '三、丙部分', '四、丁部分', '五、戊部分', '六、己部分']);
      expect((await screen.findByRole('status')).textContent).toContain('已改正 5 处');
    });

    it('applies one of those whose renumberings overlap and leaves the rest for the next check', async () => {
      const text = '一、甲部分\n甲的内容。\n二、己部分\n己的内容。';
      const b = textareaBridge('main', '主要工作情况', text);
      render(<ChecksView analysis={six(text)} bridge={b} />);
      await fixAllConfirmed();
      expect(b.applyFix).toHaveBeenCalledTimes(1);
      // No heading number repeated; the gap left is filled by plain insertions once the results refresh.
      const headings = numbered(b.text());
      expect(headings).toEqual(['一、甲部分', '五、戊部分', '六、己部分']);
      expect((await screen.findByRole('alert')).textContent).toMatch(/已改正 1 处。其余 3 处.*检查结果刷新后再改/);
    });
  });
});


describe('ChecksView categories', () => {
  // Five half-width commas (punctuation, notes) and one placeholder (blocking).
  const MIXED = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,副主任xx负责意识形态工作。';
  const headings = () => screen.getAllByRole('heading').map((h) => h.textContent);

  it('heads each category with its name and count, the one holding blocking findings first', () => {
    render(<ChecksView analysis={analysisOf(MIXED)} bridge={bridge()} />);
    expect(headings()).toEqual(['未填写的占位内容　共 1 处', '标点符号　共 5 处']);
    const placeholder = screen.getByRole('region', { name: '未填写的占位内容' });
    const placeholderRows = within(placeholder).getAllByRole('listitem');
    expect(placeholderRows).toHaveLength(1);
    expect(placeholderRows[0]!.textContent).toContain('需修改');
    expect(placeholderRows[0]!.textContent).toContain('“xx”');
    const punctuation = screen.getByRole('region', { name: '标点符号' });
    expect(within(punctuation).getByText(/同类问题共 5 处/)).toBeTruthy();
  });

  it('narrows the list to one category with a chip, and back with 全部', async () => {
    render(<ChecksView analysis={analysisOf(MIXED)} bridge={bridge()} />);
    const chips = within(screen.getByRole('group', { name: '按类别查看' }));
    expect(chips.getAllByRole('button').map((b) => b.textContent)).toEqual(['全部（6）', '未填写的占位内容（1）', '标点符号（5）']);
    expect(chips.getByRole('button', { name: '全部（6）' }).getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(chips.getByRole('button', { name: '标点符号（5）' }));
    expect(chips.getByRole('button', { name: '标点符号（5）' }).getAttribute('aria-pressed')).toBe('true');
    expect(headings()).toEqual(['标点符号　共 5 处']);
    expect(screen.queryByText(/“xx”/)).toBeNull();

    await userEvent.click(chips.getByRole('button', { name: '全部（6）' }));
    expect(headings()).toEqual(['未填写的占位内容　共 1 处', '标点符号　共 5 处']);
  });

  it('shows no chips when every finding is of one category', () => {
    render(<ChecksView analysis={analysisOf(TEXT.replace('十九五中全会', '二十届四中全会'))} bridge={bridge()} />);
    expect(screen.queryByRole('group', { name: '按类别查看' })).toBeNull();
    expect(headings()).toEqual(['未填写的占位内容　共 1 处']);
  });
});

describe('ChecksView 全部改正 preview', () => {
  const MANY = '一、主要工作情况\n加强领导,统筹部署,压实责任,狠抓落实,务求实效,取得成效。';
  const previewList = () => screen.getByRole('list', { name: /将改正以下 \d+ 处/ });

  it('lists each change with the text around it before anything changes', async () => {
    const b = textareaBridge('main', '主要工作情况', MANY);
    render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    expect(b.applyFix).not.toHaveBeenCalled();
    expect(b.text()).toBe(MANY);
    const items = within(previewList()).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0]!.textContent).toMatch(/原文.*加强领导,统筹部署.*改为.*加强领导，统筹部署/);
    expect(items[0]!.querySelector('del')!.textContent).toBe(',');
    expect(items[0]!.querySelector('ins')!.textContent).toBe('，');
    expect(items[4]!.textContent).toContain('务求实效，取得成效');
    expect(screen.queryByText(/还有 \d+ 处/)).toBeNull();
  });

  it('changes nothing on 取消', async () => {
    const b = textareaBridge('main', '主要工作情况', MANY);
    render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('list', { name: /将改正以下/ })).toBeNull();
    expect(b.applyFix).not.toHaveBeenCalled();
    expect(b.text()).toBe(MANY);
  });

  it('applies them all on 确认改正 and closes the preview', async () => {
    const b = textareaBridge('main', '主要工作情况', MANY);
    render(<ChecksView analysis={analysisOf(MANY)} bridge={b} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
    expect(b.text()).toBe('一、主要工作情况\n加强领导，统筹部署，压实责任，狠抓落实，务求实效，取得成效。');
    // The five changes went in as one edit: one undo step in the field.
    expect(b.applyFix).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('list', { name: /将改正以下/ })).toBeNull();
    expect((await screen.findByRole('status')).textContent).toContain('已改正 5 处');
  });

  it('shows the first ten and says how many more', async () => {
    const words = ['加强领导', '统筹部署', '压实责任', '狠抓落实', '务求实效', '取得成效', '强化学习', '完善制度', '健全机制', '改进作风', '提升能力', '推进工作', '总结经验'];
    const text = `一、主要工作情况\n${words.join(',')}。`;
    render(<ChecksView analysis={analysisOf(text)} bridge={bridge()} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    expect(within(screen.getByRole('list', { name: '将改正以下 12 处，请核对：' })).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText('还有 2 处')).toBeTruthy();
  });

  it('names the section a missing-section fix would insert rather than quoting the scaffold', async () => {
    render(<ChecksView analysis={analysisOfMainField('一、甲部分\n甲的内容。', { templateId: 'six-parts', templates: [sixParts] })} bridge={bridge()} />);
    await userEvent.click(screen.getByRole('button', { name: /全部改正/ }));
    const items = within(previewList()).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['插入「乙部分」的参考框架', '插入「丙部分」的参考框架', '插入「丁部分」的参考框架', '插入「戊部分」的参考框架', '插入「己部分」的参考框架']);
  });
});
