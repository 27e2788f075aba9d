// @vitest-environment happy-dom
// The unit's configuration as the options page and the panel show it: marked, read-only, locks holding, and a
// bad policy value reported above every section.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { ManagedSection } from '@/components/options/ManagedSection';
import { SnippetsSection } from '@/components/options/SnippetsSection';
import { RuleSettingsSection } from '@/components/options/RuleSettingsSection';
import { SitesSection } from '@/components/options/SitesSection';
import { SubmitGuardSwitches } from '@/components/panel/SubmitGuardSwitches';
import { ManagedPackImport } from '@/components/options/ManagedPackImport';
import userEvent from '@testing-library/user-event';
import { SnippetsView } from '@/components/panel/SnippetsView';
import { getRuleSettings, listSnippets, saveRuleSettings } from '@/lib/storage';
import { fakeBridge } from '../components/panel-doubles';
import { setLanguage } from '@/lib/i18n';
import { ORIGIN } from './helpers';
import { UNIT_NAME, unitPolicy } from './managed-policy';

const setPolicy = (value: object) => fakeBrowser.storage.managed.set(value as Record<string, unknown>);

describe('managed configuration in the options page', () => {
  it('reports a bad policy value above every section, in both languages, and applies none of it', async () => {
    const policy = unitPolicy(ORIGIN);
    (policy.config.locks as Record<string, unknown>).draftRetentionDays = 0;
    await setPolicy(policy);
    const { unmount } = render(<OptionsApp sections={[{ id: 'managed', titleId: 'managed.title', render: () => <ManagedSection /> }]} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('已整体忽略');
    expect(alert.textContent).toContain('config.locks.draftRetentionDays');
    expect(screen.queryByText(`配置单位：${UNIT_NAME}`)).toBeNull();
    unmount();
    setLanguage('en');
    try {
      render(<OptionsApp sections={[]} />);
      expect((await screen.findByRole('alert')).textContent).toContain('ignored as a whole');
    } finally {
      setLanguage('zh_CN');
    }
  });

  it('sums up what the unit sets and the locks', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    render(<ManagedSection />);
    expect(await screen.findByText(`配置单位：${UNIT_NAME}`)).toBeTruthy();
    expect(screen.getByText('提交前检查已由单位锁定为开启。')).toBeTruthy();
    expect(screen.getByText('草稿保留天数由单位固定为 90 天。')).toBeTruthy();
  });

  it('marks the unit’s snippets and offers no edit or delete for them', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    render(<SnippetsSection />);
    const list = screen.getByRole('list', { name: '片段列表' });
    const title = await within(list).findByText('统一开头语');
    const item = title.closest('li')!;
    expect(within(item).getByText('单位统一配置')).toBeTruthy();
    expect(within(item).queryByRole('button')).toBeNull();
    // The user's own (the starter snippets here) keep their buttons.
    expect(within(list).getAllByRole('button', { name: /^修改片段/ }).length).toBeGreaterThan(0);
  });

  it('shows the unit’s entries without 删除 and keeps a required rule switched on', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    render(<RuleSettingsSection load={getRuleSettings} save={saveRuleSettings} sites={async () => []} />);
    const pair = await screen.findByText(/区网信办/);
    const item = pair.closest('li')!;
    expect(within(item).getByText('单位统一配置')).toBeTruthy();
    expect(within(item).queryByRole('button')).toBeNull();
    const repeated = await screen.findByRole('checkbox', { name: /字词重复/ });
    expect((repeated as HTMLInputElement).checked).toBe(true);
    await screen.findAllByText('单位已锁定');
    expect((repeated as HTMLInputElement).disabled).toBe(true);
  });

  it('lists the unit’s portals as 推荐启用 until they are enabled', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    render(<SitesSection list={async () => []} revoke={async () => undefined} enable={async () => true} />);
    const recommended = await screen.findByRole('list', { name: '推荐启用' });
    expect(within(recommended).getByText(ORIGIN)).toBeTruthy();
    expect(within(recommended).getByRole('button', { name: '启用' })).toBeTruthy();
  });
});

describe('signed pack import in the options page', () => {
  it('says why a pack is refused under a pinned key, in the user’s language', async () => {
    await setPolicy({ version: 1, config: { packKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' } });
    render(<ManagedPackImport />);
    const unsigned = JSON.stringify({
      format: 'tianbao-pack',
      version: 1,
      pack: { name: '包', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z', content: {} },
    });
    await userEvent.upload(screen.getByLabelText('选择包文件'), new File([unsigned], 'pack.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain('这个包没有签名，已拒绝导入');
  });
});

describe('managed configuration in the panel', () => {
  it('marks a unit snippet in 片段', async () => {
    await setPolicy(unitPolicy(ORIGIN));
    const bridge = fakeBridge({ readFields: () => [], lastFocusedLabel: () => '主要工作情况' });
    render(<SnippetsView bridge={bridge} origin={ORIGIN} source={{ list: listSnippets, recordUse: async () => undefined, rememberValues: async () => undefined }} />);
    const title = await screen.findByText('统一开头语');
    expect(within(title.closest('li')!).getByText('单位统一配置')).toBeTruthy();
  });

  it('shows the guard switch on and disabled under the lock', async () => {
    render(
      <SubmitGuardSwitches
        switches={{ load: async () => ({ submitGuard: true, draftAutosave: true, guardLocked: true }), set: async () => undefined }}
      />,
    );
    const box = (await screen.findByRole('checkbox', { name: /提交前检查|提交/ })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(screen.getByText('（单位已锁定为开启）')).toBeTruthy();
  });
});
