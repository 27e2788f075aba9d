// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DraftRestore } from '@/components/panel/DraftRestore';
import type { DraftSource } from '@/lib/drafts/source';
import type { DraftEntry } from '@/lib/storage';
import type { PanelField } from '@/lib/panel/bridge';

const PAGE = 'https://a.gov.cn/report/edit';
const draft = (fieldKey: string, fieldLabel: string, text: string): DraftEntry => ({
  origin: 'https://a.gov.cn',
  fieldKey,
  fieldLabel,
  text,
  savedAt: Date.UTC(2026, 5, 30, 8, 0),
  pageUrl: PAGE,
});

function setup(drafts: DraftEntry[], fields: PanelField[], replaced = { ok: true }, settleFails = false) {
  let current = fields;
  const bridge = {
    readFields: () => current,
    onChange: () => () => undefined,
    replaceFieldText: vi.fn(async (key: string, text: string) => {
      current = current.map((f) => (f.key === key ? { ...f, text } : f));
      return replaced;
    }),
  };
  const source: DraftSource = {
    pageUrl: () => PAGE,
    list: vi.fn(async () => drafts),
    watch: () => () => undefined,
    remove: vi.fn(async () => undefined),
    settle: vi.fn(async () => {
      if (settleFails) throw new Error('refused');
    }),
  };
  render(<DraftRestore bridge={bridge} source={source} />);
  return { bridge, source, user: userEvent.setup() };
}

const WORK: PanelField = { key: 'name:work', label: '主要工作情况', required: true, kind: 'textarea', text: '' };

describe('DraftRestore', () => {
  it('offers each field whose draft differs, with a preview', async () => {
    setup([draft('name:work', '主要工作情况', '一、总体情况\n（一）学习贯彻')], [WORK]);
    const item = await screen.findByRole('listitem', { name: '主要工作情况' });
    expect(item.textContent).toContain('一、总体情况 （一）学习贯彻');
    expect(screen.getByRole('heading').textContent).toContain('有 1 份草稿可以恢复');
  });

  it('offers nothing when the field already holds the draft text', async () => {
    const { source } = setup([draft('name:work', '主要工作情况', '已写好')], [{ ...WORK, text: '已写好' }]);
    await vi.waitFor(() => expect(source.list).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('restores through the bridge with the draft text and confirms it', async () => {
    const { bridge, user } = setup([draft('name:work', '主要工作情况', '一、总体情况')], [WORK]);
    const item = await screen.findByRole('listitem', { name: '主要工作情况' });
    await user.click(within(item).getByRole('button', { name: '恢复' }));
    expect(bridge.replaceFieldText).toHaveBeenCalledWith('name:work', '一、总体情况');
    expect((await screen.findByRole('status')).textContent).toContain('已恢复“主要工作情况”的草稿');
  });

  it('says the draft is kept when restoring fails', async () => {
    const { user } = setup([draft('name:work', '主要工作情况', '一、总体情况')], [WORK], { ok: false });
    const item = await screen.findByRole('listitem', { name: '主要工作情况' });
    await user.click(within(item).getByRole('button', { name: '恢复' }));
    expect((await screen.findByRole('alert')).textContent).toContain('草稿仍保存在本机');
  });

  it('discards a draft on request', async () => {
    const { source, user } = setup([draft('name:work', '主要工作情况', '一、总体情况')], [WORK]);
    const item = await screen.findByRole('listitem', { name: '主要工作情况' });
    await user.click(within(item).getByRole('button', { name: '不恢复并删除' }));
    expect(source.remove).toHaveBeenCalledWith(['name:work']);
  });

  it('explains that the text of a field no longer on the page is kept, and shows it', async () => {
    setup([draft('name:problems', '存在的问题', '一是学习不够深入')], [WORK]);
    const item = await screen.findByRole('listitem', { name: '存在的问题' });
    expect(within(item).getByRole('alert').textContent).toContain('“存在的问题”已不在当前页面上');
    expect(item.textContent).toContain('一是学习不够深入');
    expect(within(item).getByRole('button', { name: '复制内容' })).toBeTruthy();
  });

  describe('a draft with text from before the reload (earlier)', () => {
    const BEFORE = Date.UTC(2026, 5, 30, 7, 0);
    const withEarlier = (text: string, earlier: string) => ({
      ...draft('name:work', '主要工作情况', text),
      earlier: { text: earlier, savedAt: BEFORE },
    });

    it('offers the earlier text, not what was typed after the reload', async () => {
      setup([withEarlier('重新开始写', '一、总体情况（刷新前）')], [{ ...WORK, text: '重新开始写' }]);
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      expect(item.textContent).toContain('一、总体情况（刷新前）');
      expect(item.textContent).not.toContain('重新开始写');
      expect(item.textContent).toContain('共 11 字');
    });

    it('restores the earlier text into the field, then tells the writer it was restored', async () => {
      const { bridge, source, user } = setup([withEarlier('重新开始写', '刷新前的内容')], [{ ...WORK, text: '重新开始写' }]);
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      await user.click(within(item).getByRole('button', { name: '恢复' }));
      expect(bridge.replaceFieldText).toHaveBeenCalledWith('name:work', '刷新前的内容');
      await vi.waitFor(() => expect(source.settle).toHaveBeenCalledWith('name:work', 'restored'));
      const replacedAt = bridge.replaceFieldText.mock.invocationCallOrder[0]!;
      expect((source.settle as ReturnType<typeof vi.fn>).mock.invocationCallOrder[0]!).toBeGreaterThan(replacedAt);
      expect(source.remove).not.toHaveBeenCalled();
      expect((await screen.findByRole('status')).textContent).toContain('已恢复“主要工作情况”的草稿');
    });

    it('does not drop the earlier text when the field could not be replaced', async () => {
      const { source, user } = setup([withEarlier('重新开始写', '刷新前的内容')], [WORK], { ok: false });
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      await user.click(within(item).getByRole('button', { name: '恢复' }));
      expect((await screen.findByRole('alert')).textContent).toContain('草稿仍保存在本机');
      expect(source.settle).not.toHaveBeenCalled();
    });

    it('still confirms the restore when the writer refuses the settle (the field holds the text)', async () => {
      const { source, user } = setup([withEarlier('重新开始写', '刷新前的内容')], [WORK], { ok: true }, true);
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      await user.click(within(item).getByRole('button', { name: '恢复' }));
      await vi.waitFor(() => expect(source.settle).toHaveBeenCalled());
      expect((await screen.findByRole('status')).textContent).toContain('已恢复');
    });

    it('discarding drops only the earlier text, not the draft', async () => {
      const { source, user } = setup([withEarlier('重新开始写', '刷新前的内容')], [{ ...WORK, text: '重新开始写' }]);
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      await user.click(within(item).getByRole('button', { name: '不恢复并删除' }));
      expect(source.settle).toHaveBeenCalledWith('name:work', 'discarded');
      expect(source.remove).not.toHaveBeenCalled();
    });
  });

  describe('submitted drafts and refused saves (issue 9)', () => {
    it('offers a submitted draft after a reload, marked with when it was submitted', async () => {
      const sent = { ...draft('name:work', '主要工作情况', '上报的全文'), submittedAt: Date.UTC(2026, 5, 30, 9, 30) };
      setup([sent], [WORK]);
      const item = await screen.findByRole('listitem', { name: '主要工作情况' });
      expect(item.textContent).toContain('随表单提交');
      expect(within(item).getByRole('button', { name: '恢复' })).toBeTruthy();
    });

    it('says a field was too long to save, and which text the draft still keeps', async () => {
      const refused = { ...draft('name:work', '主要工作情况', '早先的内容'), unsaved: { reason: 'tooLong' as const, at: 5, length: 150_000 } };
      setup([refused], [{ ...WORK, text: '早先的内容' }]);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('“主要工作情况”的内容有 150000 字');
      expect(alert.textContent).toContain('没有保存为草稿');
      expect(alert.textContent).toContain('草稿中保留的是');
    });

    it('says the site’s drafts are full and where to delete some', async () => {
      const refused = { ...draft('name:plans', '下一步工作打算', ''), unsaved: { reason: 'siteFull' as const, at: 5, length: 20 } };
      setup([refused], [WORK]);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('本网站的草稿已满');
      expect(alert.textContent).toContain('选项页“草稿”');
      expect(alert.textContent).not.toContain('草稿中保留的是');
    });
  });
});
