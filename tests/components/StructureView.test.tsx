// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StructureView } from '@/components/panel/StructureView';
import { analysisOfMainField as analysisOf, fakeBridge as bridge } from './panel-doubles';

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
    );
    expect((await screen.findByRole('status')).textContent).toContain('已插入');
  });

  it('shows the outline it read', () => {
    render(<StructureView analysis={analysisOf(REPORT)} bridge={bridge()} />);
    const outline = document.querySelector('.tb-outline')!;
    expect(outline.textContent).toContain('一、主要工作情况');
    expect(outline.textContent).toContain('（一）加强组织领导');
  });
});
