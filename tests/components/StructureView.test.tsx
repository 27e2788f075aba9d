// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StructureView } from '@/components/panel/StructureView';
import { BETWEEN, analysisOfForm, analysisOfMainField as analysisOf, fakeBridge as bridge, textareaBridge } from './panel-doubles';

const REPORT = [
  '2026年上半年意识形态工作责任制落实情况报告',
  '一、主要工作情况',
  '（一）加强组织领导。党组召开专题会议3次研究意识形态工作。',
  '（二）抓好理论学习。理论学习中心组开展集体学习6次。',
].join('\n');

describe('StructureView', () => {
  it('names the template it picked automatically', () => {
    render(<StructureView analysis={analysisOf(REPORT)} bridge={bridge()} saveTemplate={async () => undefined} />);
    const select = screen.getByRole('combobox', { name: /对照模板/ }) as HTMLSelectElement;
    expect(select.selectedOptions[0]!.textContent).toMatch(/^自动（.*意识形态/);
  });

  it('saves another template chosen for the site', async () => {
    const save = vi.fn(async () => undefined);
    render(<StructureView analysis={analysisOf(REPORT)} bridge={bridge()} saveTemplate={save} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /对照模板/ }), 'work-summary');
    expect(save).toHaveBeenCalledWith('work-summary');
  });

  it('lists the sections the report lacks as missing', () => {
    render(<StructureView analysis={analysisOf(REPORT)} bridge={bridge()} />);
    const problems = screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith('✗存在的问题'));
    expect(problems?.textContent).toContain('缺少');
  });

  it('inserts the scaffold of a missing section at the offset the engine chose, in the field it belongs to', async () => {
    const b = bridge();
    const analysis = analysisOf(REPORT);
    const first = analysis.analysis.suggestions[0]!;
    render(<StructureView analysis={analysis} bridge={b} />);
    await userEvent.click(screen.getAllByRole('button', { name: '插入参考框架' })[0]!);
    expect(b.applyFix).toHaveBeenCalledWith(
      expect.objectContaining({ fieldKey: 'main', fix: { start: first.offset, end: first.offset, text: first.text } }),
      expect.objectContaining({ expectedText: REPORT }),
    );
    expect((await screen.findByRole('status')).textContent).toContain('已插入');
  });

  it('fills the scaffold\'s {{单位名称}} from the form, and leaves the blanks only the writer can fill', async () => {
    const b = bridge();
    const fields = [
      { key: 'unit', label: '单位名称', required: true, kind: 'input', text: '某市统计局' },
      { key: 'main', label: '报告正文', required: true, kind: 'textarea', text: '2026年度意识形态工作责任制落实情况报告\n二、存在的问题\n理论学习不够深入。' },
    ];
    const analysis = analysisOfForm(fields, { templateId: 'ideology-annual' });
    const withUnit = analysis.analysis.suggestions.find((s) => s.text.includes('{{单位名称}}'));
    expect(withUnit).toBeDefined();
    render(<StructureView analysis={analysis} bridge={b} />);
    const index = analysis.analysis.suggestions.indexOf(withUnit!);
    await userEvent.click(screen.getAllByRole('button', { name: '插入参考框架' })[index]!);
    const inserted = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls[0]![0].fix.text as string;
    expect(inserted).toContain('某市统计局党组（党委）');
    expect(inserted).not.toContain('{{单位名称}}');
    expect(inserted).toContain('{{次数}}');
  });

  it('fills {{单位名称}} from the name this site remembers when the form has none yet, as snippets do', async () => {
    const { createSnippet, setSnippetSiteValues } = await import('@/lib/storage');
    const { pageOrigin } = await import('@/lib/panel/page-origin');
    const snippet = await createSnippet({ title: '单位简介', body: '{{单位名称}}高度重视。' });
    await setSnippetSiteValues(snippet.id, pageOrigin(), { 单位名称: '某县财政局' });
    const b = bridge();
    const fields = [
      { key: 'unit', label: '单位名称', required: true, kind: 'input', text: '' },
      { key: 'main', label: '报告正文', required: true, kind: 'textarea', text: '2026年度意识形态工作责任制落实情况报告\n二、存在的问题\n理论学习不够深入。' },
    ];
    const analysis = analysisOfForm(fields, { templateId: 'ideology-annual' });
    const withUnit = analysis.analysis.suggestions.find((s) => s.text.includes('{{单位名称}}'))!;
    render(<StructureView analysis={analysis} bridge={b} />);
    const index = analysis.analysis.suggestions.indexOf(withUnit);
    // The remembered values load from storage: wait until the insertion carries the name.
    await vi.waitFor(async () => {
      (b.applyFix as ReturnType<typeof vi.fn>).mockClear();
      await userEvent.click(screen.getAllByRole('button', { name: '插入参考框架' })[index]!);
      const inserted = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls[0]![0].fix.text as string;
      expect(inserted).toContain('某县财政局党组（党委）');
    });
  });

  describe('inserting a section between numbered ones', () => {

    it('inserts the scaffold and renumbers the headings after it in one edit', async () => {
      const b = textareaBridge('main', '主要工作情况', BETWEEN);
      render(<StructureView analysis={analysisOf(BETWEEN)} bridge={b} />);
      await userEvent.click(screen.getByRole('button', { name: '插入参考框架' }));
      expect(b.applyFix).toHaveBeenCalledTimes(1);
      const headings = b.text().split('\n').filter((line) => /^[一二三四五]、/.test(line));
      expect(headings).toEqual(['一、主要工作情况', '二、存在的问题', '三、下一步工作打算', '四、意见建议']);
      expect(b.text()).toContain('三、下一步工作打算\n继续加强理论学习。\n四、意见建议\n建议上级加强培训。');
    });

    it('says that the headings after it were renumbered', async () => {
      const b = textareaBridge('main', '主要工作情况', BETWEEN);
      render(<StructureView analysis={analysisOf(BETWEEN)} bridge={b} />);
      await userEvent.click(screen.getByRole('button', { name: '插入参考框架' }));
      expect((await screen.findByRole('status')).textContent).toMatch(/已插入「存在的问题」.*其后 2 个标题已重新编号/);
    });

    it('leaves the caret after the scaffold, where the writer goes on', async () => {
      const b = textareaBridge('main', '主要工作情况', BETWEEN);
      const analysis = analysisOf(BETWEEN);
      const [suggestion] = analysis.analysis.suggestions;
      render(<StructureView analysis={analysis} bridge={b} />);
      await userEvent.click(screen.getByRole('button', { name: '插入参考框架' }));
      const caret = (b.applyFix as ReturnType<typeof vi.fn>).mock.calls[0]![1].caret as number;
      expect(b.text().slice(0, caret).endsWith(suggestion!.scaffold)).toBe(true);
    });

    it('changes nothing and says so when the field was edited after the analysis', async () => {
      const b = textareaBridge('main', '主要工作情况', BETWEEN);
      const analysis = analysisOf(BETWEEN);
      b.type('\n补充一句。');
      const typed = b.text();
      render(<StructureView analysis={analysis} bridge={b} />);
      await userEvent.click(screen.getByRole('button', { name: '插入参考框架' }));
      expect(b.text()).toBe(typed);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('参考框架没有插入');
      expect(alert.textContent).toContain('原有内容未作任何改动');
      expect(screen.queryByRole('status')).toBeNull();
    });

    it('changes nothing when the renumbering no longer fits the text the panel holds', async () => {
      const analysis = analysisOf(BETWEEN);
      const [suggestion] = analysis.analysis.suggestions;
      // A suggestion whose renumbering points past the end of the field's text.
      const broken = { ...suggestion!, renumber: [{ start: BETWEEN.length + 5, end: BETWEEN.length + 6, text: '四' }] };
      const b = textareaBridge('main', '主要工作情况', BETWEEN);
      render(<StructureView analysis={{ ...analysis, analysis: { ...analysis.analysis, suggestions: [broken] } }} bridge={b} />);
      await userEvent.click(screen.getByRole('button', { name: '插入参考框架' }));
      expect(b.applyFix).not.toHaveBeenCalled();
      expect(b.text()).toBe(BETWEEN);
      expect((await screen.findByRole('alert')).textContent).toContain('参考框架没有插入');
    });
  });

  it('shows the outline it read', () => {
    render(<StructureView analysis={analysisOf(REPORT)} bridge={bridge()} />);
    const outline = document.querySelector('.tb-outline')!;
    expect(outline.textContent).toContain('一、主要工作情况');
    expect(outline.textContent).toContain('（一）加强组织领导');
  });
});
