// The panel's 导出公文 and 导出检查报告: the report's fields in, a Blob and a file name out, ready for a download.
// Everything happens in the page (no network); saveBlob is the one function here that needs the DOM.
import type { ReportField } from '../core/types';
import { t, type Language } from '../i18n';
import { exportGongwen, type ExportMessage, type GongwenOptions } from './docx';
import { exportCheckReport, type CheckReportOptions } from './check-report';
import { readReport } from './parts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DownloadResult =
  | { ok: true; blob: Blob; filename: string; pages?: number; warnings: ExportMessage[] }
  | { ok: false; error: ExportMessage };

/** A file name from the report's title: characters Windows forbids removed, at most 60 characters, .docx. */
export function docxFilename(title: string | undefined, suffix = ''): string {
  const stem = (title ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/[\s\u3000]+/g, ' ').trim().slice(0, 60) || t('checkReport.untitled');
  return `${stem}${suffix}.docx`;
}

/** 导出公文: the fields (joined as the engine joins them) or one field's text as a GB/T 9704 .docx Blob. */
export async function exportReportDocx(fields: readonly ReportField[] | string, options: GongwenOptions = {}): Promise<DownloadResult> {
  const result = await exportGongwen(fields, options);
  if (!result.ok) return result;
  const title = readReport(fields).title ?? options.title;
  return {
    ok: true,
    blob: new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME }),
    filename: docxFilename(title),
    ...(result.pages ? { pages: result.pages } : {}),
    warnings: result.warnings,
  };
}

/** 导出检查报告 for the same fields, in the panel's language. */
export async function exportCheckReportDocx(fields: readonly ReportField[] | string, options: CheckReportOptions = {}): Promise<DownloadResult> {
  const result = await exportCheckReport(fields, options);
  if (!result.ok) return result;
  const lang: Language = options.lang ?? 'zh_CN';
  const title = readReport(fields).title;
  return {
    ok: true,
    blob: new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME }),
    filename: docxFilename(title, lang === 'en' ? ' - check report' : '检查报告'),
    warnings: [],
  };
}

/** Saves the Blob as a download (an object URL on a temporary link), in the page that calls it. */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
