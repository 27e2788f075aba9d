import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '../../lib/core/analyze';
import { ruleConfigFor } from '../../lib/core/rules/settings';
import {
  createSnippet,
  getRuleSettings,
  getSettings,
  getSiteProfile,
  isManaged,
  listSnippets,
  listUserTemplates,
  readManaged,
  recordSnippetUse,
  resolveSiteFlags,
  saveRuleSettings,
  saveUserTemplate,
  updateSettings,
  updateSiteProfile,
  watchSnippets,
} from '../../lib/storage';
import { parseManagedPolicy } from '../../lib/storage/managed';
import { toEngineTemplates } from '../../lib/panel/user-templates';
import { ORIGIN, snapshotLocal } from './helpers';
import { UNIT_NAME, unitPolicy } from './managed-policy';

const setPolicy = (value: object) => fakeBrowser.storage.managed.set(value as Record<string, unknown>);

/** A deep copy of the good policy with one change made by `edit`. */
function broken(edit: (config: Record<string, any>) => void) {
  const policy = structuredClone(unitPolicy(ORIGIN)) as { version: number; config: Record<string, any> };
  edit(policy.config);
  return policy;
}

describe('managed policy: checked whole', () => {
  it('accepts the complete example', () => {
    const state = parseManagedPolicy(unitPolicy(ORIGIN));
    expect(state.problem).toBeUndefined();
    expect(state.config?.unitName).toBe(UNIT_NAME);
    expect(state.config?.locks.submitGuard).toBe(true);
  });

  it('reads no policy (nothing set, or an empty area) as no configuration, without a problem', () => {
    expect(parseManagedPolicy(undefined)).toEqual({});
    expect(parseManagedPolicy({})).toEqual({});
  });

  it.each([
    ['a snippet title that is a number', (c: any) => (c.snippets[0].title = 42), 'config.snippets.0.title'],
    ['an unknown key inside a lock', (c: any) => (c.locks.guard = true), 'config.locks.guard'],
    ['a retention beyond a year', (c: any) => (c.locks.draftRetentionDays = 400), 'config.locks.draftRetentionDays'],
    ['an origin with a path', (c: any) => (c.sites[0].origin = 'https://oa.example.gov.cn/report'), 'config.sites.0.origin'],
    ['an entry over two lines', (c: any) => (c.entries[0].wrong = '区网\n信办'), 'config.entries.0.wrong'],
    ['two snippets with one id', (c: any) => c.snippets.push({ ...c.snippets[0] }), 'config.snippets'],
    ['a template section without its scaffold', (c: any) => delete c.templates[0].sections[1].scaffold, 'config.templates.0.sections.1.scaffold'],
    [
      'two sections with one id',
      (c: any) => (c.templates[0].sections[1].id = c.templates[0].sections[0].id),
      'config.templates.0.sections',
    ],
    ['a site naming a template the unit does not have', (c: any) => (c.sites[0].template = 'nope'), 'config.sites.0.template'],
  ])('refuses %s, with where', (_name, edit, path) => {
    const state = parseManagedPolicy(broken(edit));
    expect(state.config).toBeUndefined();
    expect(state.problem).toMatchObject({ kind: 'invalid', path });
    expect(state.problem!.detail.length).toBeGreaterThan(0);
  });

  it('reports a newer format and a version whose config the browser dropped', () => {
    expect(parseManagedPolicy({ version: 2, config: {} }).problem?.kind).toBe('newer');
    expect(parseManagedPolicy({ version: 1 }).problem).toMatchObject({ kind: 'refused', path: 'config' });
    expect(parseManagedPolicy({ config: unitPolicy(ORIGIN).config }).problem).toMatchObject({ kind: 'invalid', path: 'version' });
  });
});

describe('managed items merged into what the panel and options page read', () => {
  it('lists the unit snippets first, marked and read-only, and the user’s own after them', async () => {
    const own = await createSnippet({ title: '我的片段', body: '正文' });
    await setPolicy(unitPolicy(ORIGIN));
    const list = await listSnippets();
    expect(list[0]).toMatchObject({ id: 'unit-tongyi-kaitou', title: '统一开头语', variables: ['单位名称'] });
    expect(isManaged(list[0])).toBe(true);
    expect(list.find((s) => s.id === own.id)).toBeDefined();
    expect(isManaged(list.find((s) => s.id === own.id))).toBe(false);
    // Inserting a unit snippet stores nothing (it is not the user's) and does not fail.
    const before = await snapshotLocal();
    await recordSnippetUse('unit-tongyi-kaitou');
    expect(await snapshotLocal()).toBe(before);
  });

  it('lists the unit templates as valid engine templates, and never lets a user copy take their id', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    const templates = await listUserTemplates();
    expect(templates.map((t) => t.id)).toEqual(['unit-qu-yishixingtai']);
    expect(isManaged(templates[0])).toBe(true);
    expect(toEngineTemplates(templates).map((t) => t.sections.length)).toEqual([2]);
    const copy = await saveUserTemplate({ id: 'unit-qu-yishixingtai', name: '我的副本', reportKinds: [], sections: templates[0]!.sections });
    expect(copy.id).not.toBe('unit-qu-yishixingtai');
  });

  it('chooses the unit template on the portal it names, until the user chooses another', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    expect((await getSiteProfile(ORIGIN)).templateId).toBe('unit-qu-yishixingtai');
    expect((await getSiteProfile('https://other.example.gov.cn')).templateId).toBeNull();
    await updateSiteProfile(ORIGIN, { templateId: 'ideology-half' });
    expect((await getSiteProfile(ORIGIN)).templateId).toBe('ideology-half');
  });

  it('flags text with a 本单位规范写法 entry, and keeps the unit’s parts out of what the user saves', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    const rules = await getRuleSettings();
    expect(rules.userEntries[0]).toMatchObject({ id: 'unit-1', wrong: '区网信办', right: '区委网信办' });
    expect(rules.disabledRules).toContain('ellipsis');
    const analysis = analyze('今年区网信办组织了三次专题学习。', { rules: ruleConfigFor(rules, ORIGIN), templateId: 'none' });
    const finding = analysis.findings.find((f) => f.ruleId === 'user-entries');
    expect(finding).toBeDefined();
    expect(analysis.text.slice(finding!.start, finding!.end)).toBe('区网信办');

    // The options page saves the merged value back with one entry of the user's added.
    const saved = await saveRuleSettings({
      ...rules,
      userEntries: [...rules.userEntries, { id: 'user-1', wrong: '网信办', right: '网络安全和信息化委员会办公室' }],
    });
    expect(saved.userEntries.map((e) => e.id)).toEqual(['unit-1', 'user-1']);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as { rules: { userEntries: { id: string }[]; disabledRules: string[] } };
    expect(stored.rules.userEntries.map((e) => e.id)).toEqual(['user-1']);
    expect(stored.rules.disabledRules).toEqual([]);
  });

  it('holds the locks: the guard stays on, retention is fixed, a required rule cannot be switched off', async () => {
    await updateSettings({ submitGuard: false, draftRetentionDays: 7 });
    await saveRuleSettings({
      version: 1,
      disabledRules: ['repeated-word'],
      disabledEntries: [],
      userEntries: [],
      sites: { [ORIGIN]: { disabledRules: ['user-entries'], disabledEntries: [] } },
    });
    await updateSiteProfile(ORIGIN, { submitGuard: false });
    await setPolicy(unitPolicy(ORIGIN));
    const settings = await getSettings();
    expect(settings.submitGuard).toBe(true);
    expect(settings.draftRetentionDays).toBe(90);
    expect(settings.rules.disabledRules).not.toContain('repeated-word');
    expect(settings.rules.sites[ORIGIN]!.disabledRules).toEqual([]);
    expect(resolveSiteFlags(await getSiteProfile(ORIGIN), settings).submitGuard).toBe(true);
    // Without the policy, the user's own choices are back as they were.
    await fakeBrowser.storage.managed.clear();
    expect((await getSettings()).submitGuard).toBe(false);
    expect((await getSettings()).rules.disabledRules).toEqual(['repeated-word']);
  });

  it('applies nothing at all of a policy with one bad part, and says why', async () => {
    await setPolicy(broken((c) => (c.snippets[0].tags = '开头')));
    expect((await readManaged()).problem).toMatchObject({ kind: 'invalid', path: 'config.snippets.0.tags' });
    expect((await listSnippets()).some(isManaged)).toBe(false);
    expect(await listUserTemplates()).toEqual([]);
    expect((await getRuleSettings()).userEntries).toEqual([]);
    expect((await getSettings()).submitGuard).toBe(true); // the user's default, not a lock
    expect((await getSiteProfile(ORIGIN)).templateId).toBeNull();
  });

  it('tells the watchers when the policy changes', async () => {
    const seen = new Promise<string[]>((resolve) => {
      const stop = watchSnippets((list) => {
        stop();
        resolve(list.filter(isManaged).map((s) => s.title));
      });
    });
    await setPolicy(unitPolicy(ORIGIN));
    expect(await seen).toEqual(['统一开头语']);
  });
});
