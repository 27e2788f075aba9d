// @vitest-environment happy-dom
// Half-width punctuation as the user sees it: text copied from a document preview carries , ( ) : ; on every
// line. The engine reports each mark (each with its own one-character fix, so that a single mark can be fixed
// or located), and the panel shows a rule's many findings as ONE row with one 全部改正, which goes into each
// plain text field as one replacement. Checked here on a two-field form shaped like the real texts.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksView } from '@/components/panel/ChecksView';
import { analysisOfForm, formBridge } from './panel-doubles';

const LABELS = { main: '主要工作情况', problems: '存在的问题' };
const MAIN = [
  '一、加强组织领导,强化责任落实',
  '经自查,局党委高度重视,定期召开党委(扩大)会议,党委主要负责人积极履行第一责任人的责任,分管领导负直接责任。',
  '二、加强定期研判,提高工作成效',
  '党委定期对意识形态工作进行分析研判;未发现重大突发敏感舆情。',
].join('\n');
const PROBLEMS = '一是学习不够深入,二是阵地管理有短板:宣传栏内容更新不及时。';

const rowsOf = (text: RegExp) => screen.getAllByRole('listitem').filter((li) => text.test(li.textContent ?? ''));

describe('half-width punctuation in the panel', () => {
  it('is one row with one 全部改正 for every mark in the form, and each field gets one replacement', async () => {
    const page = formBridge({ main: MAIN, problems: PROBLEMS }, LABELS);
    const analysis = analysisOfForm(page.bridge.readFields(), { templateId: 'none' });
    const marks = analysis.findings.filter((f) => f.ruleId === 'halfwidth-punctuation');
    // Every mark in both fields is found, each with its own fix.
    expect(marks.length).toBe((MAIN + PROBLEMS).match(/[,():;]/g)!.length);
    render(<ChecksView analysis={analysis} bridge={page.bridge} />);

    const groups = rowsOf(/同类问题共/);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.textContent).toContain(`同类问题共 ${marks.length} 处`);
    // No row of its own for any single mark while the group is closed; 逐条查看 lists them all.
    const single = /应使用全角标点/;
    expect(rowsOf(single).filter((li) => !/同类问题共/.test(li.textContent ?? ''))).toEqual([]);
    await userEvent.click(within(groups[0]!).getByRole('button', { name: '逐条查看' }));
    expect(rowsOf(single).filter((li) => !/同类问题共/.test(li.textContent ?? ''))).toHaveLength(marks.length);

    await userEvent.click(within(rowsOf(/同类问题共/)[0]!).getByRole('button', { name: /全部改正/ }));
    await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
    expect(page.bridge.applyFix).toHaveBeenCalledTimes(2);
    expect(page.values.get('main')).not.toMatch(/[,():;]/);
    expect(page.values.get('problems')).toBe('一是学习不够深入，二是阵地管理有短板：宣传栏内容更新不及时。');
  });
});
