import { describe, expect, it } from 'vitest';
import { clampWidth, createPanelStore } from '@/lib/panel/store';

describe('clampWidth', () => {
  it.each([
    [100, 280],
    [280, 280],
    [455.6, 456],
    [640, 640],
    [2000, 640],
    [Number.NaN, 360],
  ])('%s → %s', (input, expected) => {
    expect(clampWidth(input)).toBe(expected);
  });
});

describe('createPanelStore', () => {
  it('starts from the width remembered for the site, clamped', () => {
    expect(createPanelStore('https://x.gov.cn', { width: 900 }).getState().width).toBe(640);
  });

  it('keeps the default width when nothing was remembered', () => {
    expect(createPanelStore('https://x.gov.cn', {}).getState().width).toBe(360);
  });
});
