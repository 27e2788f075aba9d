// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsSection } from '@/components/options/SettingsSection';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '@/lib/storage';
import { snapshotLocal } from '../storage/helpers';

const section = () => (
  <SettingsSection load={getSettings} saveLanguage={async (language) => void (await updateSettings({ language }))} />
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SettingsSection', () => {
  it('saves 片段插入时另起一段, on by default and for settings stored before it existed', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'auto', submitGuard: true } });
    render(section());
    const box = (await screen.findByRole('checkbox', { name: '片段插入时另起一段' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await userEvent.click(box);
    expect((await screen.findByRole('status')).textContent).toBe('已保存。');
    expect((await getSettings()).snippetParagraphs).toBe(false);
    expect(box.checked).toBe(false);
  });

  it('saves the interface language', async () => {
    render(section());
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: '界面语言' }), 'en');
    expect((await screen.findByRole('status')).textContent).toBe('已保存，界面语言已切换。');
    expect((await getSettings()).language).toBe('en');
  });

  it('says to update the extension, and changes nothing, when a newer version saved the settings', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ settings: DEFAULT_SETTINGS, settings$: { v: 2 } });
    const before = await snapshotLocal();
    render(section());
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: '界面语言' }), 'en');
    expect((await screen.findByRole('alert')).textContent).toContain('“设置”是由更新版本的填报助手保存的');
    expect(await snapshotLocal()).toBe(before);
  });

  it('says the storage is full when it is, and keeps the old language', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    render(section());
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: '界面语言' }), 'en');
    expect((await screen.findByRole('alert')).textContent).toContain('存储空间已满');
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect((await getSettings()).language).toBe('auto');
  });
});
