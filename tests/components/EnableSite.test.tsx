// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EnableSite } from '@/components/enable-site/EnableSite';

describe('EnableSite', () => {
  it('asks for exactly this origin and reports the grant to the background', async () => {
    const request = vi.fn(async () => true);
    const notify = vi.fn(async () => true);
    render(<EnableSite origin="https://tb.example.gov.cn" request={request} notify={notify} close={() => undefined} />);
    expect(screen.getByText(/https:\/\/tb\.example\.gov\.cn/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '允许' }));
    expect(request).toHaveBeenCalledWith('https://tb.example.gov.cn/*');
    expect(notify).toHaveBeenCalledWith({ type: 'site:enabled', origin: 'https://tb.example.gov.cn' });
    expect((await screen.findByRole('status')).textContent).toContain('已启用');
  });

  it('says the site was not enabled when the browser denies the permission', async () => {
    const notify = vi.fn(async () => true);
    render(<EnableSite origin="https://tb.example.gov.cn" request={async () => false} notify={notify} close={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: '允许' }));
    expect((await screen.findByRole('alert')).textContent).toContain('未获得浏览器授权');
    expect(notify).not.toHaveBeenCalled();
  });

  it('refuses an address that is not a web origin, with a message and no button', () => {
    render(<EnableSite origin="javascript:alert(1)" request={async () => true} notify={async () => true} close={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('无法识别');
    expect(screen.queryByRole('button', { name: '允许' })).toBeNull();
  });

  it('shows an error when registering the site fails after the grant', async () => {
    render(<EnableSite origin="https://tb.example.gov.cn" request={async () => true} notify={async () => false} close={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: '允许' }));
    expect((await screen.findByRole('alert')).textContent).toContain('启用失败');
  });
});
