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

describe('per-language message parameters', () => {
  it('fill each language with its own words (a report period), plain values as they are', async () => {
    const { t, setLanguage } = await import('@/lib/i18n');
    const { runRules } = await import('@/lib/core/rules');
    const [finding] = runRules({ text: '深入学习贯彻党的十九大精神。', period: { year: 2026, half: 1 } }).filter(
      (f) => f.ruleId === 'stale-references',
    );
    expect(finding).toBeDefined();
    try {
      setLanguage('zh_CN');
      expect(t(finding!.messageId, finding!.params)).toContain('2026年上半年');
      setLanguage('en');
      const en = t(finding!.messageId, finding!.params);
      expect(en).toContain('2026, first half');
      expect(en).not.toMatch(/[\u4e00-\u9fff]{2,}年/);
      expect(t('checks.period.shown', { period: { zh_CN: '甲', en: 'A' }, source: 'x' })).toContain('A');
    } finally {
      setLanguage('zh_CN');
    }
  });
});
