// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { TemplatesSection, MAX_SAMPLE_CHARS, type TemplatesStore } from '@/components/options/TemplatesSection';
import type { UserTemplate } from '@/lib/storage';
import { toEngineTemplate } from '@/lib/panel/user-templates';

// Report E of the corpus, as pasted from a 范文 site (it is pasted twice there).
const corpus = readFileSync('tests/fixtures/corpus/000_037b8862a6aab3ed.txt', 'utf8').split('\n');
const SAMPLE = corpus.slice(123, 144).join('\n');

function memoryStore() {
  const templates: UserTemplate[] = [];
  const snippets: { title: string; sectionIds: string[] }[] = [];
  const store: TemplatesStore = {
    list: async () => [...templates],
    saveTemplate: vi.fn(async (input) => {
      const saved: UserTemplate = { ...input, id: `user-${templates.length + 1}`, createdAt: 1, updatedAt: 1 };
      templates.push(saved);
      return saved;
    }),
    saveSnippet: vi.fn(async (input) => {
      snippets.push(input);
    }),
    remove: vi.fn(async () => true),
  };
  return { store, templates, snippets };
}

const paste = (text: string) => fireEvent.change(screen.getByRole('textbox', { name: '范文全文' }), { target: { value: text } });

describe('TemplatesSection', () => {
  it('lists the built-in templates', () => {
    render(<TemplatesSection store={memoryStore().store} />);
    expect(screen.getAllByRole('listitem').some((li) => li.textContent?.includes('意识形态'))).toBe(true);
  });

  it('previews a template and snippets from a pasted sample, and saves nothing before confirmation', async () => {
    const { store } = memoryStore();
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    expect(screen.getByText(/识别出 \d+ 个部分、\d+ 个候选片段/)).toBeTruthy();
    expect(store.saveTemplate).not.toHaveBeenCalled();
  });

  it('saves a template the panel can use, and the snippets left ticked', async () => {
    const { store, templates, snippets } = memoryStore();
    render(<TemplatesSection store={store} />);
    await userEvent.type(screen.getByRole('textbox', { name: '模板名称' }), '商务局半年报告');
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    const boxes = screen.getAllByRole('checkbox');
    await userEvent.click(boxes[0]!);
    await userEvent.click(screen.getByRole('button', { name: /保存模板和所选的/ }));
    expect((await screen.findByRole('status')).textContent).toContain('商务局半年报告');
    expect(templates).toHaveLength(1);
    expect(snippets).toHaveLength(boxes.length - 1);
    expect(toEngineTemplate(templates[0]!)?.sections.length).toBeGreaterThan(0);
  });

  it('explains when the text has no numbered headings', async () => {
    render(<TemplatesSection store={memoryStore().store} />);
    paste('今年以来，我单位认真落实意识形态工作责任制，取得了一定成效。');
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    expect((await screen.findByRole('alert')).textContent).toContain('没有识别出');
  });

  it('refuses a paste far longer than any report, with the limit in the message', async () => {
    render(<TemplatesSection store={memoryStore().store} />);
    paste('一、'.padEnd(MAX_SAMPLE_CHARS + 10, '文'));
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    expect((await screen.findByRole('alert')).textContent).toContain(String(MAX_SAMPLE_CHARS));
  });

  it('keeps what was saved when saving fails, and says so', async () => {
    const { store } = memoryStore();
    store.saveTemplate = async () => {
      throw Object.assign(new Error('full'), { messageId: 'storage.full' });
    };
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    await userEvent.click(screen.getByRole('button', { name: /保存模板和所选的/ }));
    expect((await screen.findByRole('alert')).textContent?.length).toBeGreaterThan(4);
  });
});
