// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FieldsView } from '@/components/panel/FieldsView';
import { analyze } from '@/lib/core/analyze';
import { builtinTemplates } from '@/lib/core/template';
import type { PageAnalysis } from '@/components/panel/usePageAnalysis';
import type { PanelField } from '@/lib/panel/bridge';
import { NO_SECTION, prepareReport } from '@/lib/panel/report';

const FIELDS: PanelField[] = [
  { key: 'unit', label: '单位名称', required: true, kind: 'input', text: '市统计局' },
  { key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text: '（一）加强组织领导。' },
  { key: 'problems', label: '存在的问题', required: true, kind: 'textarea', text: '' },
  { key: 'notes', label: '备注', required: false, kind: 'textarea', text: '' },
];

// The report as the panel prepares it from the site's stored mapping (lib/panel/report.ts).
function analysisOf(mapping: Record<string, string> = {}): PageAnalysis {
  const { template, reportFields } = prepareReport(FIELDS, '', { templateId: 'ideology-half', fieldSections: mapping });
  const analysis = analyze(reportFields, { templateId: template.id });
  return { fields: FIELDS, templateId: template.id, templateChosen: false, templates: [...builtinTemplates], reportFields, analysis, findings: analysis.findings, blocking: 0 };
}

const rowOf = (label: string) => screen.getAllByRole('listitem').find((li) => li.textContent?.startsWith(label))!;

describe('FieldsView', () => {
  it('shows each long text field with the report section its label names', () => {
    render(<FieldsView analysis={analysisOf()} saveMapping={async () => undefined} />);
    const select = within(rowOf('存在的问题')).getByRole('combobox') as HTMLSelectElement;
    expect(select.selectedOptions[0]!.textContent).toBe('存在的问题');
  });

  it('offers no section choice for one-line fields such as 单位名称', () => {
    render(<FieldsView analysis={analysisOf()} saveMapping={async () => undefined} />);
    expect(within(rowOf('单位名称')).queryByRole('combobox')).toBeNull();
  });

  it('saves a corrected mapping for the site, keeping the others', async () => {
    const save = vi.fn(async (_mapping: Record<string, string>) => undefined);
    render(<FieldsView analysis={analysisOf()} saveMapping={save} />);
    const select = within(rowOf('备注')).getByRole('combobox');
    const nextSteps = within(select).getAllByRole('option').find((o) => o.textContent?.includes('工作打算'))!;
    await userEvent.selectOptions(select, nextSteps);
    const saved = save.mock.calls[0]![0];
    expect(saved.notes).toBe((nextSteps as HTMLOptionElement).value);
    expect(saved.problems).toBeDefined();
  });

  it('unmaps a field whose label names a section when the user picks none, and it stays unmapped', async () => {
    const save = vi.fn(async (_mapping: Record<string, string>) => undefined);
    const { unmount } = render(<FieldsView analysis={analysisOf()} saveMapping={save} />);
    await userEvent.selectOptions(within(rowOf('存在的问题')).getByRole('combobox'), '');
    const saved = save.mock.calls[0]![0];
    // Stored as "none", not left out: left out, the label 存在的问题 would map the field to the section again.
    expect(saved.problems).toBe(NO_SECTION);
    expect(saved.main).toBe('main-work');
    unmount();

    // Read back as the panel reads the site's mapping: the field holds no section, and the select says so.
    const again = analysisOf(saved);
    expect(again.reportFields.find((field) => field.key === 'problems')!.sectionId).toBeUndefined();
    expect(again.analysis.coverage!.sections.find((section) => section.id === 'problems')!.status).toBe('missing');
    render(<FieldsView analysis={again} saveMapping={save} />);
    expect((within(rowOf('存在的问题')).getByRole('combobox') as HTMLSelectElement).value).toBe('');
  });

  it('keeps a field the user unmapped unmapped when another field is mapped', async () => {
    const save = vi.fn(async (_mapping: Record<string, string>) => undefined);
    render(<FieldsView analysis={analysisOf({ problems: NO_SECTION })} saveMapping={save} />);
    await userEvent.selectOptions(within(rowOf('备注')).getByRole('combobox'), 'next-steps');
    expect(save.mock.calls[0]![0]).toEqual({ main: 'main-work', problems: NO_SECTION, notes: 'next-steps' });
  });

  it('stores nothing for a field whose label names no section when it is set back to none', async () => {
    const save = vi.fn(async (_mapping: Record<string, string>) => undefined);
    render(<FieldsView analysis={analysisOf({ notes: 'next-steps' })} saveMapping={save} />);
    await userEvent.selectOptions(within(rowOf('备注')).getByRole('combobox'), '');
    expect(save.mock.calls[0]![0]).toEqual({ main: 'main-work', problems: 'problems' });
  });

  it('says so when the mapping cannot be saved', async () => {
    render(<FieldsView analysis={analysisOf()} saveMapping={() => Promise.reject(new Error('QUOTA_BYTES'))} />);
    await userEvent.selectOptions(within(rowOf('备注')).getByRole('combobox'), '');
    expect((await screen.findByRole('alert')).textContent).toContain('未能保存');
  });
});
