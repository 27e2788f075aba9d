// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { TemplatesSection, MAX_SAMPLE_CHARS, type TemplatesStore } from '@/components/options/TemplatesSection';
import type { UserTemplate } from '@/lib/storage';
import { toEngineTemplate } from '@/lib/panel/user-templates';
import { t } from '@/lib/i18n';

// Report E of the corpus, as pasted from a 范文 site (it is pasted twice there).
const corpus = readFileSync('tests/fixtures/corpus/000_037b8862a6aab3ed.txt', 'utf8').split('\n');
const SAMPLE = corpus.slice(123, 144).join('\n');

function memoryStore() {
  const templates: UserTemplate[] = [];
  const snippets: { title: string; sectionIds: string[] }[] = [];
  const store: TemplatesStore = {
    list: async () => [...templates],
    saveTemplate: vi.fn(async ({ id, ...input }) => {
      const at = templates.findIndex((template) => template.id === id);
      const saved: UserTemplate = { ...input, id: id ?? `user-${templates.length + 1}`, createdAt: 1, updatedAt: 1 };
      if (at >= 0) templates[at] = saved;
      else templates.push(saved);
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
    const boxes = screen.getAllByRole('checkbox', { name: '保存为片段' });
    await userEvent.click(boxes[0]!);
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
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

  it('shows what cleaning changed, then saves the title the user edited', async () => {
    const { store, templates } = memoryStore();
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    const review = screen.getByRole('region', { name: '检查并编辑模板' });
    const changes = within(review).getByRole('list', { name: /已自动修改 \d+ 处/ });
    expect(changes.textContent).toContain('必须成绩');
    expect(changes.textContent).toContain('一定成绩');
    expect(within(changes).getAllByRole('listitem').some((li) => /,.*，.*共 \d+ 处/.test(li.textContent ?? ''))).toBe(true);
    // The example text is there to read, already cleaned.
    expect(within(review).getByText(/取得了一定成绩/)).toBeTruthy();
    const title = within(review).getByRole('textbox', { name: '第 1 部分标题' });
    expect((title as HTMLInputElement).value).toBe('主要工作情况');
    await userEvent.clear(title);
    await userEvent.type(title, '主要工作开展情况');
    const topic = within(review).getByRole('textbox', { name: '第 1 部分第 2 个小标题' });
    await userEvent.clear(topic);
    await userEvent.type(topic, '健全制度机制');
    expect(store.saveTemplate).not.toHaveBeenCalled();
    await userEvent.click(within(review).getByRole('button', { name: '保存模板' }));
    await screen.findByRole('status');
    const saved = toEngineTemplate(templates[0]!)!;
    expect(saved.sections[0]!.title).toBe('主要工作开展情况');
    expect(saved.sections[0]!.scaffold.split('\n').slice(0, 3)).toEqual(['一、主要工作开展情况', expect.stringContaining('明确职责'), '（二）健全制度机制']);
    expect(screen.queryByRole('region', { name: '检查并编辑模板' })).toBeNull();
  });

  it('shows the variables it set and the paragraphs it could not place', async () => {
    render(<TemplatesSection store={memoryStore().store} />);
    paste(['青山县商务局2023年上半年意识形态工作情况报告', '现将有关情况报告如下：', SAMPLE, '青山县商务局', '2023年7月10日'].join('\n'));
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    const review = screen.getByRole('region', { name: '检查并编辑模板' });
    const variables = within(review).getByRole('list', { name: '已换成变量' });
    expect(variables.textContent).toContain('{{单位名称}}：原文为“青山县商务局”，共 2 处');
    expect(variables.textContent).toContain('{{报告期}}：原文为“2023年上半年”');
    const unplaced = within(review).getByRole('list', { name: '未能归入任何部分的段落：1 段' });
    expect(unplaced.textContent).toContain('现将有关情况报告如下');
  });

  it('saves nothing on 取消', async () => {
    const { store } = memoryStore();
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('region', { name: '检查并编辑模板' })).toBeNull();
    expect(store.saveTemplate).not.toHaveBeenCalled();
    expect(store.saveSnippet).not.toHaveBeenCalled();
  });

  it('refuses an emptied title and saves nothing', async () => {
    const { store } = memoryStore();
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    await userEvent.clear(screen.getByRole('textbox', { name: '第 2 部分标题' }));
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
    expect((await screen.findByRole('alert')).textContent).toContain('标题是空的');
    expect(store.saveTemplate).not.toHaveBeenCalled();
  });

  it('keeps the review and the user’s edits when saving fails, and saves them on the next try', async () => {
    const { store, templates } = memoryStore();
    const realSave = store.saveTemplate;
    let fail = true;
    store.saveTemplate = vi.fn(async (input) => {
      if (fail) throw Object.assign(new Error('full'), { messageId: 'storage.full' });
      return realSave(input);
    });
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    const title = screen.getByRole('textbox', { name: '第 3 部分标题' });
    await userEvent.clear(title);
    await userEvent.type(title, '下一步工作打算');
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('storage.full'));
    expect(alert.textContent).toContain('修改仍保留');
    expect((screen.getByRole('textbox', { name: '第 3 部分标题' }) as HTMLInputElement).value).toBe('下一步工作打算');
    expect(templates).toHaveLength(0);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
    await screen.findByRole('status');
    expect(templates).toHaveLength(1);
    expect(toEngineTemplate(templates[0]!)!.sections[2]!.title).toBe('下一步工作打算');
  });

  it('after a snippet fails to save, saving again updates the same template and adds only the rest', async () => {
    const { store, templates, snippets } = memoryStore();
    const realSnippet = store.saveSnippet;
    let calls = 0;
    store.saveSnippet = vi.fn(async (input) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('full'), { messageId: 'storage.full' });
      return realSnippet(input);
    });
    render(<TemplatesSection store={store} />);
    paste(SAMPLE);
    await userEvent.click(screen.getByRole('button', { name: '生成预览' }));
    const ticked = screen.getAllByRole('checkbox', { name: '保存为片段' }).length;
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
    await screen.findByRole('alert');
    expect(snippets).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: '保存模板' }));
    expect((await screen.findByRole('status')).textContent).toContain(`${ticked} 个片段`);
    expect(templates).toHaveLength(1);
    expect(snippets).toHaveLength(ticked);
  });
});
