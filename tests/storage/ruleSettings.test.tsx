// @vitest-environment happy-dom
// The stored rule settings are the engine's and the options page's UserRuleSettings: the same type, no looser
// bounds, and whatever RulesSection produces can be saved.
import { useState } from 'react';
import * as v from 'valibot';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RulesSection } from '@/components/options/RulesSection';
import {
  USER_ENTRY_MAX,
  UserRuleSettingsSchema,
  defaultRuleSettings,
  type UserRuleSettings,
} from '@/lib/core/rules/settings';
import { DEFAULT_SETTINGS, LIMITS, getRuleSettings, saveRuleSettings, type RuleSettings } from '@/lib/storage';
import { RuleSettingsSchema } from '@/lib/storage/schemas';

const SITE = 'https://oa.example.gov.cn';

describe('stored type', () => {
  it('is assignable to UserRuleSettings, and back', () => {
    // Checked by `tsc --noEmit -p .`: a field added to either shape alone fails to compile here.
    expectTypeOf<RuleSettings>().toExtend<UserRuleSettings>();
    expectTypeOf<UserRuleSettings>().toExtend<RuleSettings>();
    const stored: UserRuleSettings = DEFAULT_SETTINGS.rules;
    expect(stored).toEqual(defaultRuleSettings());
  });
});

describe('a value edited in RulesSection', () => {
  /** RulesSection as the options page holds it: each onChange becomes the next config. */
  function Harness({ onValue }: { onValue(next: UserRuleSettings): void }) {
    const [config, setConfig] = useState(defaultRuleSettings());
    return (
      <RulesSection
        config={config}
        sites={[SITE]}
        onChange={(next) => {
          setConfig(next);
          onValue(next);
        }}
      />
    );
  }

  async function editEverything(): Promise<UserRuleSettings> {
    let latest = defaultRuleSettings();
    render(<Harness onValue={(next) => (latest = next)} />);
    await userEvent.click(screen.getByRole('checkbox', { name: '半角标点' }));
    const spin = screen.getByRole('checkbox', { name: '伪原创替换痕迹' }).closest('li')!;
    await userEvent.click(within(spin).getByText(/逐条设置/));
    await userEvent.click(within(spin).getByRole('checkbox', { name: /“异常是”是“特别是”/ }));
    await userEvent.type(screen.getByRole('textbox', { name: '错误写法' }), '网信办');
    await userEvent.type(screen.getByRole('textbox', { name: '正确写法' }), '网络安全和信息化委员会办公室');
    await userEvent.type(screen.getByRole('textbox', { name: /说明/ }), '首次出现用全称');
    await userEvent.click(screen.getByRole('button', { name: '添加词条' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '适用范围' }), SITE);
    await userEvent.click(screen.getByRole('checkbox', { name: '字词重复' }));
    return latest;
  }

  // One editing session (a few seconds of simulated typing) shared by the checks below.
  let value: UserRuleSettings;
  beforeAll(async () => {
    value = await editEverything();
  });

  it('touches every part of the shape', () => {
    expect(value.disabledRules.length * value.disabledEntries.length * value.userEntries.length).toBeGreaterThan(0);
    expect(value.userEntries[0]!.note).toBe('首次出现用全称');
    expect(value.sites[SITE]!.disabledRules).toEqual(['repeated-word']);
  });

  it('passes the storage schema', () => {
    expect(v.safeParse(RuleSettingsSchema, value).issues).toBeUndefined();
  });

  it('saves and reads back unchanged', async () => {
    await saveRuleSettings(value);
    expect(await getRuleSettings()).toEqual(value);
  });
});

// Storage must never hold a value the engine's schema refuses. The text bounds are repeated in LIMITS (see
// lib/storage/schemas.ts); these tables pin them to lib/core/rules/settings.ts at their edges.
describe('bounds', () => {
  const base = defaultRuleSettings();
  const entry = (fields: Record<string, unknown>) => ({
    ...base,
    userEntries: [{ id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室', ...fields }],
  });

  it('uses the options page’s length for both sides of an entry', () => {
    expect(LIMITS.userEntryTextLength).toBe(USER_ENTRY_MAX);
  });

  describe('both schemas accept', () => {
    it.each([
      ['the defaults', base],
      ['a wrong side at the length limit', entry({ wrong: '网'.repeat(LIMITS.userEntryTextLength) })],
      ['a right side at the length limit', entry({ right: '网'.repeat(LIMITS.userEntryTextLength) })],
      ['a note at the length limit', entry({ note: '注'.repeat(LIMITS.userEntryNoteLength) })],
      ['a rule id at the length limit', { ...base, disabledRules: ['r'.repeat(LIMITS.ruleIdLength)] }],
      ['the highest user entry id', entry({ id: 'user-999999' })],
      ['a site with nothing switched off', { ...base, sites: { [SITE]: { disabledRules: [], disabledEntries: [] } } }],
    ])('%s', (_label, value) => {
      expect(v.safeParse(RuleSettingsSchema, value).issues).toBeUndefined();
      expect(v.safeParse(UserRuleSettingsSchema, value).issues).toBeUndefined();
    });
  });

  describe('both schemas refuse', () => {
    it.each([
      ['a wrong side one over the limit', entry({ wrong: '网'.repeat(LIMITS.userEntryTextLength + 1) })],
      ['a right side one over the limit', entry({ right: '网'.repeat(LIMITS.userEntryTextLength + 1) })],
      ['a note one over the limit', entry({ note: '注'.repeat(LIMITS.userEntryNoteLength + 1) })],
      ['a rule id one over the limit', { ...base, disabledRules: ['r'.repeat(LIMITS.ruleIdLength + 1)] }],
      ['a one-character wrong side', entry({ wrong: '网' })],
      ['a line break in the right side', entry({ right: '网络\n安全' })],
      ['a user entry id of another form', entry({ id: 'entry-1' })],
      ['another version', { ...base, version: 2 }],
    ])('%s', (_label, value) => {
      expect(v.is(RuleSettingsSchema, value)).toBe(false);
      expect(v.is(UserRuleSettingsSchema, value)).toBe(false);
    });
  });

  describe('storage alone refuses', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `entry-${i}`);
    const sites = (count: number) =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`https://s${i}.gov.cn`, { disabledRules: [], disabledEntries: [] }]),
      );
    it.each([
      ['an unknown field', { ...base, extra: 1 }],
      ['an unknown field in a user entry', entry({ html: '<b>' })],
      ['an unknown field in a site', { ...base, sites: { [SITE]: { disabledRules: [], disabledEntries: [], x: 1 } } }],
      ['a site key that is not an origin', { ...base, sites: { 'oa.example.gov.cn': { disabledRules: [], disabledEntries: [] } } }],
      ['an empty rule id', { ...base, disabledRules: [''] }],
      ['a rule id with a space', { ...base, disabledEntries: ['yichang teshi'] }],
      ['more switched-off rules than the limit', { ...base, disabledRules: ids(LIMITS.disabledRules + 1) }],
      ['more switched-off entries than the limit', { ...base, disabledEntries: ids(LIMITS.disabledEntries + 1) }],
      [
        'more switched-off entries on one site than the limit',
        { ...base, sites: { [SITE]: { disabledRules: [], disabledEntries: ids(LIMITS.disabledEntries + 1) } } },
      ],
      ['more sites than the limit', { ...base, sites: sites(LIMITS.ruleSites + 1) }],
      [
        'more user entries than the limit',
        {
          ...base,
          userEntries: Array.from({ length: LIMITS.userEntries + 1 }, (_, i) => ({
            id: `user-${i + 1}`,
            wrong: `词条${i}`,
            right: '正确',
          })),
        },
      ],
    ])('%s', (_label, value) => {
      expect(v.is(RuleSettingsSchema, value)).toBe(false);
    });
  });
});
