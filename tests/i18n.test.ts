import { describe, expect, it } from 'vitest';
import { areaCatalogs } from '../lib/i18n';
import zhManifest from '../public/_locales/zh_CN/messages.json';
import enManifest from '../public/_locales/en/messages.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale catalogs', () => {
  for (const [area, byLanguage] of Object.entries(areaCatalogs)) {
    it(`${area}: every key exists in zh_CN and en`, () => {
      const zhKeys = Object.keys(byLanguage.zh_CN).sort();
      const enKeys = Object.keys(byLanguage.en).sort();
      expect(enKeys.filter((k) => !zhKeys.includes(k)), 'only in en').toEqual([]);
      expect(zhKeys.filter((k) => !enKeys.includes(k)), 'only in zh_CN').toEqual([]);
    });

    it(`${area}: both languages use the same placeholders and no message is empty`, () => {
      for (const key of Object.keys(byLanguage.zh_CN)) {
        const zhText = byLanguage.zh_CN[key]!;
        const enText = byLanguage.en[key] ?? '';
        expect(zhText.trim(), `${area}.${key} zh_CN`).not.toBe('');
        expect(enText.trim(), `${area}.${key} en`).not.toBe('');
        expect(placeholders(enText), `${area}.${key}`).toEqual(placeholders(zhText));
      }
    });
  }

  it('manifest messages (public/_locales) hold the same keys in zh_CN and en', () => {
    expect(Object.keys(enManifest).sort()).toEqual(Object.keys(zhManifest).sort());
  });
});
