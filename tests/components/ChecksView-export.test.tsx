// @vitest-environment happy-dom
// 导出公文 / 导出检查报告 in the 检查 tab: the report's fields as the panel maps them go to the export functions
// (loaded on the click), the file is saved, and what the export said (the page count, its warnings, or why
// nothing was exported) is shown. The documents themselves are tested in tests/export; the real download in
// tests/e2e/export.e2e.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChecksView } from '@/components/panel/ChecksView';
import { analysisOfMainField, fakeBridge } from './panel-doubles';
import type { DownloadResult } from '@/lib/export/download';

const exported = vi.hoisted(() => ({
  report: vi.fn<(...args: unknown[]) => Promise<DownloadResult>>(),
  check: vi.fn<(...args: unknown[]) => Promise<DownloadResult>>(),
  save: vi.fn(),
}));

vi.mock('@/lib/export/download', () => ({
  exportReportDocx: exported.report,
  exportCheckReportDocx: exported.check,
  saveBlob: exported.save,
}));

const TEXT = '关于2026年上半年意识形态工作责任制落实情况的报告\n一、主要工作情况\n副主任xx负责意识形态工作。';
const exportBar = () => within(screen.getByTestId('tianbao-export'));

beforeEach(() => {
  exported.report.mockReset();
  exported.check.mockReset();
  exported.save.mockReset();
});

describe('ChecksView export buttons', () => {
  it('exports the mapped fields, saves the file and says its page count and warnings', async () => {
    const blob = new Blob(['x']);
    exported.report.mockResolvedValue({
      ok: true,
      blob,
      filename: '报告.docx',
      pages: 2,
      warnings: [{ messageId: 'export.warning.removed', params: { count: 1, chars: '😀' } }],
    });
    const analysis = analysisOfMainField(TEXT, { templateId: 'none' });
    render(<ChecksView analysis={analysis} bridge={fakeBridge()} />);
    await userEvent.click(exportBar().getByRole('button', { name: '导出公文' }));
    const status = await exportBar().findByRole('status');
    expect(exported.report).toHaveBeenCalledWith(analysis.reportFields);
    expect(exported.save).toHaveBeenCalledWith(blob, '报告.docx');
    expect(status.textContent).toContain('已导出：报告.docx（约 2 页）');
    expect(status.textContent).toContain('已去掉 1 个公文字体无法打印的字符');
  });

  it('passes the template, period and language to the check report', async () => {
    exported.check.mockResolvedValue({ ok: true, blob: new Blob(['x']), filename: '报告检查报告.docx', warnings: [] });
    const analysis = analysisOfMainField(TEXT, { templateId: 'none', period: { year: 2026, half: 1 } });
    render(<ChecksView analysis={analysis} bridge={fakeBridge()} />);
    await userEvent.click(exportBar().getByRole('button', { name: '导出检查报告' }));
    expect((await exportBar().findByRole('status')).textContent).toContain('已导出检查报告：报告检查报告.docx');
    expect(exported.check).toHaveBeenCalledWith(
      analysis.reportFields,
      expect.objectContaining({ lang: 'zh_CN', templateId: analysis.templateId, period: { year: 2026, half: 1 }, requiredEmpty: [] }),
    );
  });

  it('saves nothing and says why when the export refuses', async () => {
    exported.report.mockResolvedValue({ ok: false, error: { messageId: 'export.error.empty' } });
    render(<ChecksView analysis={analysisOfMainField(TEXT, { templateId: 'none' })} bridge={fakeBridge()} />);
    await userEvent.click(exportBar().getByRole('button', { name: '导出公文' }));
    expect((await exportBar().findByRole('alert')).textContent).toContain('报告是空的');
    expect(exported.save).not.toHaveBeenCalled();
  });

  it('is there when the report has no findings', () => {
    render(<ChecksView analysis={analysisOfMainField('一、主要工作情况\n认真落实意识形态工作责任制。', { templateId: 'none' })} bridge={fakeBridge()} />);
    expect(screen.getByText('未发现问题', { exact: false })).toBeTruthy();
    expect(exportBar().getByRole('button', { name: '导出公文' })).toBeTruthy();
  });
});
