import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  addUserEntry,
  defaultRuleSettings,
  ruleCatalog,
  ruleConfigFor,
  UserRuleSettingsSchema,
  validateUserEntry,
} from '../../../lib/core/rules/settings';
import { catalogs } from '../../../lib/i18n';

describe('validateUserEntry', () => {
  it.each([
    ['', '积极', 'rules.ui.error.empty'],
    ['进取', ' ', 'rules.ui.error.empty'],
    ['进', '积', 'rules.ui.error.tooShort'],
    ['进取\n参与', '积极参与', 'rules.ui.error.lineBreak'],
    ['进取', '进取', 'rules.ui.error.same'],
    ['网'.repeat(41), '网信办', 'rules.ui.error.tooLong'],
  ])('rejects “%s” → “%s”', (wrong, right, error) => {
    expect(validateUserEntry(wrong, right, [])).toBe(error);
  });

  it('rejects a wrong text that already has an entry', () => {
    expect(validateUserEntry('网信办', '网络安全和信息化委员会办公室', [{ id: 'user-1', wrong: '网信办', right: 'x' }])).toBe(
      'rules.ui.error.duplicate',
    );
  });

  it('accepts a two-character pair', () => {
    expect(validateUserEntry('进取', '积极', [])).toBeUndefined();
  });

  it('has a message in both languages for every error', () => {
    for (const id of ['empty', 'tooShort', 'lineBreak', 'same', 'tooLong', 'duplicate']) {
      expect(catalogs.zh_CN[`rules.ui.error.${id}`]).toBeTruthy();
      expect(catalogs.en[`rules.ui.error.${id}`]).toBeTruthy();
    }
  });
});

describe('settings', () => {
  it('adds an entry with a fresh id and keeps the settings valid', () => {
    const next = addUserEntry(addUserEntry(defaultRuleSettings(), '网信办', '网络安全和信息化委员会办公室'), '县委宣传部', '中共青山县委宣传部');
    expect(next.userEntries.map((e) => e.id)).toEqual(['user-1', 'user-2']);
    expect(v.safeParse(UserRuleSettingsSchema, next).success).toBe(true);
  });

  it('leaves the settings unchanged when the pair is invalid', () => {
    const settings = defaultRuleSettings();
    expect(addUserEntry(settings, '进', '积')).toBe(settings);
  });

  it('adds a site’s switches to the everywhere switches for that site only', () => {
    const settings = {
      ...defaultRuleSettings(),
      disabledRules: ['ellipsis'],
      sites: { 'https://oa.example.gov.cn': { disabledRules: ['halfwidth-punctuation'], disabledEntries: ['baodao'] } },
    };
    expect(ruleConfigFor(settings, 'https://oa.example.gov.cn')).toMatchObject({
      disabledRules: ['ellipsis', 'halfwidth-punctuation'],
      disabledEntries: ['baodao'],
    });
    expect(ruleConfigFor(settings, 'https://other.example.cn').disabledRules).toEqual(['ellipsis']);
  });

  it('lists every rule but the user’s own entries, with a name in both languages', () => {
    for (const item of ruleCatalog()) {
      expect(catalogs.zh_CN[`rules.name.${item.id}`], item.id).toBeTruthy();
      expect(catalogs.en[`rules.name.${item.id}`], item.id).toBeTruthy();
    }
  });
});
