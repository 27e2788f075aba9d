// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SitesSection } from '@/components/options/SitesSection';
import { StorageNewerVersionError } from '@/lib/storage';

describe('SitesSection', () => {
  it('lists the enabled sites and revokes the one asked for', async () => {
    let sites = ['https://a.example.gov.cn', 'https://b.example.gov.cn'];
    const revoke = vi.fn(async (origin: string) => {
      sites = sites.filter((s) => s !== origin);
    });
    render(<SitesSection list={async () => sites} revoke={revoke} />);
    const row = (await screen.findByText('https://a.example.gov.cn')).closest('li')!;
    await userEvent.click(within(row).getByRole('button', { name: '取消启用' }));
    expect(revoke).toHaveBeenCalledWith('https://a.example.gov.cn');
    await vi.waitFor(() => expect(screen.queryByText('https://a.example.gov.cn')).toBeNull());
    expect(screen.getByText('https://b.example.gov.cn')).toBeTruthy();
  });

  it('explains how to add a site when there is none', async () => {
    render(<SitesSection list={async () => []} revoke={async () => undefined} />);
    expect(await screen.findByText(/还没有始终启用的网站/)).toBeTruthy();
  });

  it('says so when the list cannot be read', async () => {
    render(<SitesSection list={() => Promise.reject(new Error('boom'))} revoke={async () => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toContain('读取已启用的网站失败');
  });

  it('says why a site could not be switched off, and keeps it listed', async () => {
    const site = 'https://a.example.gov.cn';
    render(<SitesSection list={async () => [site]} revoke={() => Promise.reject(new StorageNewerVersionError('siteProfiles', 2))} />);
    await userEvent.click(await screen.findByRole('button', { name: '取消启用' }));
    expect((await screen.findByRole('alert')).textContent).toContain('“网站配置”是由更新版本的填报助手保存的');
    expect(screen.getByText(site)).toBeTruthy();
  });

  it('falls back to a plain line when the failure has no message of its own', async () => {
    render(<SitesSection list={async () => ['https://a.example.gov.cn']} revoke={() => Promise.reject(new Error('x'))} />);
    await userEvent.click(await screen.findByRole('button', { name: '取消启用' }));
    expect((await screen.findByRole('alert')).textContent).toBe('没有取消启用，请稍后重试。');
  });
});
