// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { WelcomeSection } from '@/components/options/WelcomeSection';
import { setLanguage } from '@/lib/i18n';

afterEach(() => setLanguage('zh_CN'));

describe('WelcomeSection', () => {
  it('greets a new user and names the three jobs, the shortcut, pinning and privacy', () => {
    render(<WelcomeSection shortcut="Alt+Shift+Y" nextProblem="Alt+Shift+N" justInstalled />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('欢迎使用填报助手');
    expect(screen.getByText(/按 Alt\+Shift\+N（侧栏中按 F8）可依次转到下一个问题/)).toBeTruthy();
    const jobs = screen.getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    expect(jobs).toEqual(['搭结构', '提交前检查', '常用片段']);
    expect(screen.getByText(/按 Alt\+Shift\+Y/)).toBeTruthy();
    expect(screen.getByText(/点它旁边的图钉/)).toBeTruthy();
    expect(screen.getByText(/不会把任何内容发送到网络/)).toBeTruthy();
  });

  it('is a plain guide when opened later, and says where to set a shortcut when there is none', () => {
    render(<WelcomeSection shortcut="" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('使用说明');
    expect(screen.getByText(/快捷键可在浏览器的扩展程序快捷键设置中指定/)).toBeTruthy();
    expect(screen.queryByText(/按 \{shortcut\}/)).toBeNull();
    expect(screen.queryByText(/下一个问题/)).toBeNull();
  });

  it('reads in English with no Chinese left in it', () => {
    setLanguage('en');
    const { container } = render(<WelcomeSection shortcut="Alt+Shift+Y" justInstalled />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Welcome to Tianbao');
    expect(container.textContent).toContain('press Alt+Shift+Y');
    expect(container.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
