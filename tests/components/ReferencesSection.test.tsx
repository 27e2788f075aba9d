// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReferencesSection } from '@/components/options/ReferencesSection';
import type { ReferenceText } from '@/lib/storage';

describe('ReferencesSection', () => {
  it('adds a sample text, lists it and deletes it', async () => {
    let items: ReferenceText[] = [];
    const add = vi.fn(async ({ title, text }: { title: string; text: string }) => {
      items = [...items, { id: 'a', title, text, addedAt: 0 }];
      return { outcome: 'saved' as const };
    });
    const remove = vi.fn(async (id: string) => {
      items = items.filter((r) => r.id !== id);
    });
    render(<ReferencesSection list={async () => items} add={add} remove={remove} />);
    expect(await screen.findByText('还没有添加范文。')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('标题'), '上级范文');
    await user.type(screen.getByLabelText('范文全文'), '一、主要工作情况');
    await user.click(screen.getByRole('button', { name: '添加范文' }));
    expect(add).toHaveBeenCalledWith({ title: '上级范文', text: '一、主要工作情况' });
    expect(await screen.findByRole('listitem', { name: '上级范文' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('已添加。');
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(remove).toHaveBeenCalledWith('a');
    expect(await screen.findByText('还没有添加范文。')).toBeTruthy();
  });

  it('says why a text was refused', async () => {
    render(<ReferencesSection list={async () => []} add={async () => ({ outcome: 'full' as const })} remove={async () => undefined} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('范文全文'), '正文');
    await user.click(screen.getByRole('button', { name: '添加范文' }));
    expect((await screen.findByRole('alert')).textContent).toContain('范文已满');
  });
});
