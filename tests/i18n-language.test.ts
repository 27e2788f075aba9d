import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '@/lib/i18n/language';

describe('resolveLanguage', () => {
  it.each([
    ['auto', 'zh-CN', 'zh_CN'],
    ['auto', 'zh-TW', 'zh_CN'],
    ['auto', 'en-US', 'en'],
    ['auto', 'fr', 'zh_CN'],
    ['auto', undefined, 'zh_CN'],
    ['zh_CN', 'en-US', 'zh_CN'],
    ['en', 'zh-CN', 'en'],
  ] as const)('setting %s with browser %s → %s', (setting, ui, expected) => {
    expect(resolveLanguage(setting, ui)).toBe(expected);
  });
});
