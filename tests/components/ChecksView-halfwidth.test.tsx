// @vitest-environment happy-dom
// Half-width punctuation as the user sees it: text copied from a document preview carries , ( ) : ; on every
// line. The engine reports each mark (each with its own one-character fix, so that a single mark can be fixed
// or located), and the panel shows a rule's findings in one field as ONE row (issue 11 item 8: one grouped
// finding per field) naming the field, with its count and one 全部改正 that goes into that field as one
// replacement. Checked here on a two-field form shaped like the real texts.
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

const groupRows = () => rowsOf(/同类问题共/);
const groupIn = (label: string) => groupRows().find((li) => li.textContent!.includes(`“${label}”中同类问题共`))!;
/** Rows of single marks, not group rows. */
const single = () => rowsOf(/应使用全角标点/).filter((li) => !/同类问题共/.test(li.textContent ?? ''));

describe('half-width punctuation in the panel', () => {
  it('is one row per field, naming the field and its count, with one 全部改正 for that field as one replacement', async () => {
    const page = formBridge({ main: MAIN, problems: PROBLEMS }, LABELS);
    const analysis = analysisOfForm(page.bridge.readFields(), { templateId: 'none' });
    const marks = analysis.findings.filter((f) => f.ruleId === 'halfwidth-punctuation');
    const inMain = MAIN.match(/[,():;]/g)!.length;
    const inProblems = PROBLEMS.match(/[,():;]/g)!.length;
    // Every mark in both fields is found, each with its own fix.
    expect(marks.length).toBe(inMain + inProblems);
    render(<ChecksView analysis={analysis} bridge={page.bridge} />);

    expect(groupRows()).toHaveLength(2);
    expect(groupIn('主要工作情况').textContent).toContain(`“主要工作情况”中同类问题共 ${inMain} 处`);
    expect(groupIn('存在的问题').textContent).toContain(`“存在的问题”中同类问题共 ${inProblems} 处`);
    // Marks of several kinds (",", "(", ":"): the group is titled by the rule's name, not by one mark's message.
    expect(groupIn('主要工作情况').querySelector('.tb-item-title')!.textContent).toContain('半角标点');
    // No row of its own for any single mark while the groups are closed; 逐条查看 lists one field's marks.
    expect(single()).toEqual([]);
    await userEvent.click(within(groupIn('存在的问题')).getByRole('button', { name: '逐条查看' }));
    expect(single()).toHaveLength(inProblems);

    // 全部改正 in 存在的问题 changes that field only, in one replacement.
    await userEvent.click(within(groupIn('存在的问题')).getByRole('button', { name: `全部改正（${inProblems} 处）` }));
    await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
    expect(page.bridge.applyFix).toHaveBeenCalledTimes(1);
    expect(page.values.get('problems')).toBe('一是学习不够深入，二是阵地管理有短板：宣传栏内容更新不及时。');
    expect(page.values.get('main')).toBe(MAIN);

    await userEvent.click(within(groupIn('主要工作情况')).getByRole('button', { name: `全部改正（${inMain} 处）` }));
    await userEvent.click(screen.getByRole('button', { name: '确认改正' }));
    expect(page.bridge.applyFix).toHaveBeenCalledTimes(2);
    expect(page.values.get('main')).not.toMatch(/[,():;]/);
  });

  it('groups from two marks in a field; a single mark keeps its own row', () => {
    const page = formBridge({ main: '一、主要工作情况\n加强领导,统筹部署,压实责任。', problems: '一是学习不够深入,二是阵地管理有短板。' }, LABELS);
    const analysis = analysisOfForm(page.bridge.readFields(), { templateId: 'none' });
    render(<ChecksView analysis={analysis} bridge={page.bridge} />);
    expect(groupRows()).toHaveLength(1);
    expect(groupIn('主要工作情况').textContent).toContain('同类问题共 2 处');
    // Both marks say the same (","→"，"): the group keeps that message.
    expect(groupIn('主要工作情况').textContent).toContain('应使用全角标点');
    expect(within(groupIn('主要工作情况')).getByRole('button', { name: '全部改正（2 处）' })).toBeTruthy();
    expect(single()).toHaveLength(1);
    expect(single()[0]!.textContent).toContain('存在的问题');
  });
});
