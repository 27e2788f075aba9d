// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pushPage } from '@/lib/host/page-push';

describe('pushPage', () => {
  it('gives the page a right margin as wide as the panel', () => {
    pushPage(document, 360);
    expect(document.getElementById('tianbao-page-push')!.textContent).toContain('margin-right: 360px');
  });

  it('updates one style element rather than adding another on resize', () => {
    pushPage(document, 360);
    pushPage(document, 420);
    expect(document.querySelectorAll('#tianbao-page-push')).toHaveLength(1);
    expect(document.getElementById('tianbao-page-push')!.textContent).toContain('420px');
  });

  it('removes the margin when the panel collapses', () => {
    pushPage(document, 360);
    pushPage(document, 0);
    expect(document.getElementById('tianbao-page-push')).toBeNull();
  });
});
