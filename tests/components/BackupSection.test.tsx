// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection } from '@/components/options/BackupSection';
import {
  MAX_BACKUP_BYTES,
  createSnippet,
  exportBackup,
  listSnippets,
  saveDraft,
  updateSiteProfile,
} from '@/lib/storage';
import { snapshotLocal } from '../storage/helpers';

const ORIGIN = 'https://tb.example.gov.cn';

async function seedOtherBrowser(): Promise<string> {
  await createSnippet({ title: '备份里的片段', body: '正文' });
  await updateSiteProfile(ORIGIN, { enabled: true });
  await saveDraft({ origin: ORIGIN, fieldKey: 'main', text: '草稿', pageUrl: ORIGIN, fieldLabel: '主要工作情况' });
  return exportBackup(new Date('2026-11-20T02:30:00Z'));
}

const backupFile = (text: string, name = 'tianbao-backup.json') => new File([text], name, { type: 'application/json' });
const chooseFile = (file: File) => userEvent.upload(screen.getByLabelText('选择备份文件'), file);

beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:tianbao/backup');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BackupSection export', () => {
  it('downloads the backup through a Blob URL and an <a download> named by date', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.href).toBe('blob:tianbao/backup');
      expect(this.download).toBe('tianbao-backup-2026-11-28.json');
    });
    render(<BackupSection now={() => new Date(2026, 10, 28, 10)} />);
    await userEvent.click(screen.getByRole('button', { name: '导出备份' }));
    expect(click).toHaveBeenCalledTimes(1);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(JSON.parse(await blob.text())).toMatchObject({ format: 'tianbao-backup', version: 1 });
    expect((await screen.findByRole('status')).textContent).toContain('tianbao-backup-2026-11-28.json');
  });

  it('shows the reason when the backup is too large to export', async () => {
    const tooLarge = Object.assign(new Error('too large'), {
      messageId: 'storage.export.tooLarge',
      params: { sizeMb: 25, limitMb: 20 },
    });
    render(<BackupSection exportBackup={async () => Promise.reject(tooLarge)} />);
    await userEvent.click(screen.getByRole('button', { name: '导出备份' }));
    expect((await screen.findByRole('alert')).textContent).toContain('超过了 20 MB');
  });
});

describe('BackupSection and entries kept aside', () => {
  const brokenSnippet = { id: 'broken', title: '' };

  it('says the exported file also holds the entries that cannot be used', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ snippets: [brokenSnippet] });
    render(<BackupSection now={() => new Date(2026, 10, 28, 10)} />);
    await userEvent.click(screen.getByRole('button', { name: '导出备份' }));
    expect((await screen.findByRole('status')).textContent).toContain('文件中还原样保存了 1 项暂时不能使用的内容');
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect((JSON.parse(await blob.text()) as { setAside: Array<{ value: unknown }> }).setAside[0]!.value).toEqual(
      brokenSnippet,
    );
  });

  it('tells before a restore that the set-aside entries in the file will be kept apart', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ snippets: [brokenSnippet] });
    const text = await exportBackup();
    fakeBrowser.reset();
    render(<BackupSection />);
    await chooseFile(backupFile(text));
    const dialog = await screen.findByRole('dialog', { name: '确认恢复备份' });
    expect(dialog.textContent).toContain('备份中另有 1 项暂时不能使用的内容，恢复后会单独保留');
  });
});

describe('BackupSection restore', () => {
  it('lists what will be replaced, current against incoming, before writing anything', async () => {
    const text = await seedOtherBrowser();
    fakeBrowser.reset();
    await updateSiteProfile('https://a.gov.cn', { enabled: true });
    await updateSiteProfile('https://b.gov.cn', { enabled: true });
    const before = await snapshotLocal();

    render(<BackupSection />);
    await chooseFile(backupFile(text));

    const dialog = await screen.findByRole('dialog', { name: '确认恢复备份' });
    expect(within(dialog).getByText(/网站配置：现有 2 条，替换为备份中的 1 条/)).toBeTruthy();
    expect(within(dialog).getByText(/草稿：现有 0 条，替换为备份中的 1 条/)).toBeTruthy();
    expect(within(dialog).getByText(/设置/)).toBeTruthy();
    expect(dialog.textContent).toContain('2026');
    expect(await snapshotLocal()).toBe(before);
  });

  it('replaces the data once the user confirms, and says what was restored', async () => {
    const text = await seedOtherBrowser();
    fakeBrowser.reset();
    render(<BackupSection />);
    await chooseFile(backupFile(text));
    await userEvent.click(await screen.findByRole('button', { name: '确认恢复' }));

    expect((await screen.findByRole('status')).textContent).toMatch(/恢复完成：片段 \d+ 条/);
    expect((await listSnippets()).map((s) => s.title)).toContain('备份里的片段');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('changes nothing when the user cancels', async () => {
    const text = await seedOtherBrowser();
    fakeBrowser.reset();
    const before = await snapshotLocal();
    render(<BackupSection />);
    await chooseFile(backupFile(text));
    await userEvent.click(await screen.findByRole('button', { name: '取消' }));

    expect((await screen.findByRole('status')).textContent).toContain('已取消恢复');
    expect(await snapshotLocal()).toBe(before);
  });

  it('refuses a truncated file with a Chinese message and no confirmation', async () => {
    const text = await seedOtherBrowser();
    const before = await snapshotLocal();
    render(<BackupSection />);
    await chooseFile(backupFile(text.slice(0, text.length / 2)));

    expect((await screen.findByRole('alert')).textContent).toContain('备份文件不完整');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await snapshotLocal()).toBe(before);
  });

  it('refuses a file from a newer version and says to update', async () => {
    const backup = JSON.parse(await seedOtherBrowser()) as Record<string, unknown>;
    render(<BackupSection />);
    await chooseFile(backupFile(JSON.stringify({ ...backup, version: 3 })));
    expect((await screen.findByRole('alert')).textContent).toContain('更新版本的填报助手');
  });

  it('refuses an oversized file without reading it', async () => {
    const file = backupFile('{}');
    Object.defineProperty(file, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    render(<BackupSection />);
    await chooseFile(file);
    expect((await screen.findByRole('alert')).textContent).toContain('超过了 20 MB 的上限');
    expect(read).not.toHaveBeenCalled();
  });

  it('reports a full storage after confirming, and keeps the old data', async () => {
    const text = await seedOtherBrowser();
    const before = await snapshotLocal();
    render(<BackupSection />);
    await chooseFile(backupFile(text));
    const confirm = await screen.findByRole('button', { name: '确认恢复' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await userEvent.click(confirm);

    expect((await screen.findByRole('alert')).textContent).toContain('存储空间不足');
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect(await snapshotLocal()).toBe(before);
  });
});
