// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StructureView } from '@/components/panel/StructureView';
import { analyze } from '@/lib/core/analyze';
import { STARTER_SNIPPETS } from '@/lib/storage/starterSnippets';
import type { PanelChange } from '@/lib/panel/undo';
import { analysisOfForm, formBridge } from './panel-doubles';

const field = (key: string, label: string, text = '', kind = 'textarea') => ({ key, label, required: true, kind, text });

function setup(fields: ReturnType<typeof field>[]) {
  const page = formBridge(Object.fromEntries(fields.map((f) => [f.key, f.text])), Object.fromEntries(fields.map((f) => [f.key, f.label])));
  const analysis = analysisOfForm(fields, { templateId: 'ideology-half' });
  const record = vi.fn((change: PanelChange) => change);
  render(<StructureView analysis={analysis} bridge={page.bridge} record={record} snippets={STARTER_SNIPPETS} />);
  return { ...page, record };
}

const preview = () => screen.getByRole('region', { name: '一键成稿预览' });

describe('一键成稿 in 结构', () => {
  it('offers it on an empty form; the preview shows every section with its paragraphs and the blanks to fill', async () => {
    setup([field('unit', '单位名称', '市文化和旅游局', 'input'), field('main', '报告正文')]);
    expect(screen.getByText(/表单还是空的/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    const region = preview();
    const headings = within(region).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['一、主要工作情况', '二、存在的问题', '三、下半年工作打算']);
    expect(region.textContent).toContain('（一）');
    expect(region.textContent).toContain('市文化和旅游局');
    expect(region.textContent).toMatch(/插入后需要填写：.*次数/);
  });

  it('换一段 puts the next candidate in the paragraph', async () => {
    setup([field('main', '报告正文')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    const swap = within(preview()).getAllByRole('button', { name: '换一段' })[0]!;
    const item = swap.closest('li')!;
    const before = item.textContent;
    await userEvent.click(swap);
    expect(item.textContent).not.toBe(before);
    expect(item.textContent).toMatch(/2\/\d/);
  });

  it('插入 writes the whole draft into the main field as one change; what it wrote reads as a complete report', async () => {
    const { bridge, values, record } = setup([field('unit', '单位名称', '市文化和旅游局', 'input'), field('main', '报告正文')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    await userEvent.click(within(preview()).getByRole('button', { name: '插入' }));
    expect(bridge.applyFix).toHaveBeenCalledTimes(1);
    expect(bridge.applyFix).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main' }), expect.objectContaining({ wholeField: true, expectedText: '' }));
    const text = values.get('main')!;
    expect(text).toMatch(/^.*\n一、主要工作情况\n（一）/);
    expect(text).toContain('市文化和旅游局');
    const analysis = analyze(text, { templateId: 'ideology-half' });
    expect(analysis.coverage!.complete).toBe(true);
    expect(analysis.findings.filter((f) => f.severity === 'blocking').every((f) => /^\{\{[^{}]+\}\}$/.test(text.slice(f.start, f.end)))).toBe(true);
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0]![0]).toMatchObject({ kind: 'draft', fields: [{ key: 'main', before: '' }] });
    expect(screen.queryByRole('region', { name: '一键成稿预览' })).toBeNull();
    expect((await screen.findByRole('status')).textContent).toContain('初稿已插入');
  });

  it('on a split form, each section field gets its section without the heading, in one 撤销', async () => {
    const { values, record } = setup([field('work', '主要工作情况'), field('problems', '存在的问题'), field('next', '下半年工作打算')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    await userEvent.click(within(preview()).getByRole('button', { name: '插入' }));
    expect(values.get('work')).toMatch(/（一）/);
    expect(values.get('problems')!.length).toBeGreaterThan(20);
    expect(values.get('next')!.length).toBeGreaterThan(20);
    for (const key of ['work', 'problems', 'next']) expect(values.get(key)).not.toMatch(/^[一二三]、|\n[一二三]、/);
    expect(record.mock.calls[0]![0].fields.map((f) => f.key)).toEqual(['work', 'problems', 'next']);
  });

  it('取消 closes the preview and writes nothing', async () => {
    const { bridge } = setup([field('main', '报告正文')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    await userEvent.click(within(preview()).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('region', { name: '一键成稿预览' })).toBeNull();
    expect(bridge.applyFix).not.toHaveBeenCalled();
  });

  it('a field typed into while the preview was open is left alone', async () => {
    const { bridge, values } = setup([field('main', '报告正文')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    values.set('main', '刚刚输入的文字');
    await userEvent.click(within(preview()).getByRole('button', { name: '插入' }));
    expect(bridge.applyFix).not.toHaveBeenCalled();
    expect((await screen.findByRole('alert')).textContent).toContain('未作任何改动');
    expect(values.get('main')).toBe('刚刚输入的文字');
  });
});

describe('一键成稿: where the draft goes', () => {
  it('on a form with a field per section and a 备注 box, the opening leads the first section and 备注 stays empty', async () => {
    const { values } = setup([field('work', '主要工作情况'), field('problems', '存在的问题'), field('next', '下半年工作打算'), field('remark', '备注')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    await userEvent.click(within(preview()).getByRole('button', { name: '插入' }));
    expect(values.get('remark')).toBe('');
    expect(values.get('work')).toMatch(/^[^（\n][^\n]*\n（一）/);
  });

  it('sections no field takes go with their headings into the unmapped field', async () => {
    const { values } = setup([field('main', '报告正文'), field('problems', '存在的问题')]);
    await userEvent.click(screen.getByRole('button', { name: '一键成稿' }));
    await userEvent.click(within(preview()).getByRole('button', { name: '插入' }));
    expect(values.get('main')).toContain('一、主要工作情况\n（一）');
    expect(values.get('main')).toContain('二、下半年工作打算\n');
    expect(values.get('main')).not.toContain('存在的问题\n');
    expect(values.get('problems')!.length).toBeGreaterThan(20);
    // The fields read together: no numbering finding.
    const fields = [field('main', '报告正文', values.get('main')), field('problems', '存在的问题', values.get('problems'))];
    const analysis = analysisOfForm(fields, { templateId: 'ideology-half' }).analysis;
    expect(analysis.findings.filter((f) => f.ruleId.startsWith('outline-'))).toEqual([]);
    expect(analysis.coverage!.complete).toBe(true);
  });
});
