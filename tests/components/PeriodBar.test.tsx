// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChecksView } from '@/components/panel/ChecksView';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import { createPanelStore } from '@/lib/panel/store';
import type { PanelField } from '@/lib/panel/bridge';
import { getSiteProfile, updateSiteProfile } from '@/lib/storage';
import { analysisOfMainField, fakeBridge } from './panel-doubles';

// A whole-year phrase: stale only once the report is known to be a 上半年 one.
const WHOLE_YEAR = '一、主要工作情况\n全年共开展专题学习12次。';
const YEAR = new Date().getFullYear();

const origin = () => globalThis.location.origin;
const periodLine = () => screen.getByTestId('tb-period').textContent;
const staleRow = () => screen.queryAllByRole('listitem').find((li) => li.textContent?.includes('“全年共”'));

async function openChecks(text: string) {
  const fields: PanelField[] = [{ key: 'main', label: '主要工作情况', required: true, kind: 'textarea', text }];
  const actions: PanelActions = { enableSite: vi.fn(), persistLayout: vi.fn() };
  render(<Panel store={createPanelStore(origin())} bridge={fakeBridge({ readFields: () => fields })} actions={actions} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: /检查/ }));
  return user;
}

describe('report period in the 检查 tab', () => {
  it('shows the detected period and where it came from', () => {
    const analysis = analysisOfMainField(`${YEAR}年上半年意识形态工作总结\n${WHOLE_YEAR}`, { templateId: 'none' });
    render(<ChecksView analysis={analysis} bridge={fakeBridge()} />);
    expect(periodLine()).toBe(`报告期：${YEAR}年上半年（从标题识别）`);
  });

  it('says when no period was found, so the stale-reference check did not run', async () => {
    await openChecks(WHOLE_YEAR);
    expect(periodLine()).toBe('未识别到报告期，未检查过时的提法');
    expect(staleRow()).toBeUndefined();
  });

  it('offers this year and the two before, each by half and whole, plus 自动识别', async () => {
    await openChecks(WHOLE_YEAR);
    const options = [...screen.getByRole('combobox', { name: '选择报告期' }).querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual([
      '自动识别',
      ...[YEAR, YEAR - 1, YEAR - 2].flatMap((y) => [`${y}年上半年`, `${y}年下半年`, `${y}年全年`]),
    ]);
  });

  it('saves a chosen period for the site and the stale-reference findings appear at once', async () => {
    const user = await openChecks(WHOLE_YEAR);
    await user.selectOptions(screen.getByRole('combobox', { name: '选择报告期' }), `${YEAR}H1`);
    expect(periodLine()).toBe(`报告期：${YEAR}年上半年（手动设置）`);
    expect(staleRow()).toBeTruthy();
    await waitFor(async () => expect((await getSiteProfile(origin())).reportPeriod).toEqual({ year: YEAR, half: 1 }));
  });

  it('uses the period stored for the site over the one in the title', async () => {
    await updateSiteProfile(origin(), { reportPeriod: { year: YEAR, half: 1 } });
    await openChecks(`${YEAR - 1}年意识形态工作总结\n${WHOLE_YEAR}`);
    await waitFor(() => expect(periodLine()).toBe(`报告期：${YEAR}年上半年（手动设置）`));
    expect(staleRow()).toBeTruthy();
  });

  it('goes back to detection with 自动识别 and clears the stored period', async () => {
    await updateSiteProfile(origin(), { reportPeriod: { year: YEAR, half: 1 } });
    const user = await openChecks(WHOLE_YEAR);
    await waitFor(() => expect(periodLine()).toContain('手动设置'));
    await user.selectOptions(screen.getByRole('combobox', { name: '选择报告期' }), '自动识别');
    expect(periodLine()).toBe('未识别到报告期，未检查过时的提法');
    expect(staleRow()).toBeUndefined();
    await waitFor(async () => expect((await getSiteProfile(origin())).reportPeriod).toBeUndefined());
  });

  it('ignores a malformed stored period and falls back to detection', async () => {
    await updateSiteProfile(origin(), { enabled: true });
    const stored = (await fakeBrowser.storage.local.get('siteProfiles')).siteProfiles as Record<string, Record<string, unknown>>;
    stored[origin()]!.reportPeriod = { year: 'next', half: 7 };
    await fakeBrowser.storage.local.set({ siteProfiles: stored });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await openChecks(`${YEAR}年上半年意识形态工作总结\n${WHOLE_YEAR}`);
    await waitFor(() => expect(periodLine()).toBe(`报告期：${YEAR}年上半年（从标题识别）`));
    expect(staleRow()).toBeTruthy();
    warn.mockRestore();
  });

  it('lets the user change a detected period', async () => {
    const user = await openChecks(`${YEAR}年意识形态工作总结\n${WHOLE_YEAR}`);
    expect(periodLine()).toBe(`报告期：${YEAR}年全年（从标题识别）`);
    expect(staleRow()).toBeUndefined();
    await user.click(screen.getByRole('button', { name: '更改' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '选择报告期' }), `${YEAR}H1`);
    expect(periodLine()).toBe(`报告期：${YEAR}年上半年（手动设置）`);
    expect(staleRow()).toBeTruthy();
  });
});
