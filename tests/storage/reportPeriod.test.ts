// The report period a user sets for a site (检查 tab): stored in the site profile, read back, cleared, and bad
// values — hand-edited storage, an old or forged backup — refused or ignored without losing the rest.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import {
  StorageValidationError,
  exportBackup,
  getSiteProfile,
  inspectBackup,
  restoreBackup,
  updateSiteProfile,
  type BackupFile,
} from '../../lib/storage';
import { ReportPeriodSchema, SiteProfileSchema } from '../../lib/storage/schemas';
import { defaultSiteProfile } from '../../lib/storage/siteProfiles';
import { ORIGIN, snapshotLocal } from './helpers';

describe('ReportPeriodSchema', () => {
  describe('accepts', () => {
    it.each([
      ['a first half', { year: 2026, half: 1 }],
      ['a second half', { year: 2025, half: 2 }],
      ['a whole year', { year: 2024 }],
    ])('%s', (_name, value) => {
      expect(v.is(ReportPeriodSchema, value)).toBe(true);
    });
  });

  describe('rejects', () => {
    it.each([
      ['a year given as text', { year: '2026', half: 1 }],
      ['a fractional year', { year: 2026.5 }],
      ['a year before 1949', { year: 1800 }],
      ['a year after 2199', { year: 3000 }],
      ['a third half', { year: 2026, half: 3 }],
      ['a half given as text', { year: 2026, half: '上半年' }],
      ['an unknown key', { year: 2026, quarter: 1 }],
      ['a string', '2026H1'],
      ['null', null],
    ])('%s', (_name, value) => {
      expect(v.is(ReportPeriodSchema, value)).toBe(false);
    });
  });

  it('leaves every profile stored before the field existed valid (no version bump needed)', () => {
    const { reportPeriod: _none, ...old } = defaultSiteProfile(5);
    expect(v.is(SiteProfileSchema, old)).toBe(true);
  });
});

describe('site report period', () => {
  it('stores a period with the profile and reads it back', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true, reportPeriod: { year: 2026, half: 1 } });
    const profile = await getSiteProfile(ORIGIN);
    expect(profile.reportPeriod).toEqual({ year: 2026, half: 1 });
    expect(profile.enabled).toBe(true);
  });

  it('keeps the period when something else about the site changes', async () => {
    await updateSiteProfile(ORIGIN, { reportPeriod: { year: 2025 } });
    await updateSiteProfile(ORIGIN, { panelCollapsed: true });
    expect((await getSiteProfile(ORIGIN)).reportPeriod).toEqual({ year: 2025 });
  });

  it('removes the period with null (自动识别) and keeps the rest of the profile', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true, reportPeriod: { year: 2026, half: 2 } });
    const profile = await updateSiteProfile(ORIGIN, { reportPeriod: null });
    expect('reportPeriod' in profile).toBe(false);
    expect((await getSiteProfile(ORIGIN)).enabled).toBe(true);
  });

  it('refuses a malformed period and writes nothing', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true });
    const before = await snapshotLocal();
    const bad = { year: 2026, half: 3 } as unknown as { year: number; half: 1 };
    await expect(updateSiteProfile(ORIGIN, { reportPeriod: bad })).rejects.toBeInstanceOf(StorageValidationError);
    expect(await snapshotLocal()).toBe(before);
  });

  it('ignores a hand-edited period in storage and keeps the rest of the site profile', async () => {
    await updateSiteProfile(ORIGIN, { enabled: true, templateId: 'ideology-half', fieldSectionMap: { main: 'main-work' } });
    const stored = (await fakeBrowser.storage.local.get('siteProfiles')).siteProfiles as Record<string, Record<string, unknown>>;
    stored[ORIGIN]!.reportPeriod = { year: '2026年', half: '上' };
    await fakeBrowser.storage.local.set({ siteProfiles: stored });

    const profile = await getSiteProfile(ORIGIN);
    expect(profile.reportPeriod).toBeUndefined();
    expect(profile).toMatchObject({ enabled: true, templateId: 'ideology-half', fieldSectionMap: { main: 'main-work' } });
  });

  it('still drops a profile that is broken beyond its period', async () => {
    await fakeBrowser.storage.local.set({
      siteProfiles: { [ORIGIN]: { ...defaultSiteProfile(), enabled: 'yes', reportPeriod: { year: 2026 } } },
      siteProfiles$: { v: 1 },
    });
    expect((await getSiteProfile(ORIGIN)).enabled).toBe(false);
  });
});

describe('backup and restore of the report period', () => {
  const backupWith = async (reportPeriod: unknown): Promise<BackupFile> => {
    await updateSiteProfile(ORIGIN, { enabled: true, reportPeriod: { year: 2026, half: 1 } });
    const file = JSON.parse(await exportBackup(new Date('2026-07-01T08:00:00Z'))) as BackupFile;
    (file.items.siteProfiles.value[ORIGIN] as Record<string, unknown>).reportPeriod = reportPeriod;
    return file;
  };

  it('exports the period and restores it', async () => {
    await updateSiteProfile(ORIGIN, { reportPeriod: { year: 2025, half: 2 } });
    const text = await exportBackup(new Date('2026-07-01T08:00:00Z'));
    await updateSiteProfile(ORIGIN, { reportPeriod: null });
    const result = await restoreBackup(text);
    expect(result.ok).toBe(true);
    expect((await getSiteProfile(ORIGIN)).reportPeriod).toEqual({ year: 2025, half: 2 });
  });

  it('accepts a backup whose profiles have no period (an older backup)', async () => {
    const file = await backupWith(undefined);
    delete (file.items.siteProfiles.value[ORIGIN] as Record<string, unknown>).reportPeriod;
    const inspection = inspectBackup(JSON.stringify(file));
    expect(inspection.ok).toBe(true);
  });

  it.each([
    ['a third half', { year: 2026, half: 3 }],
    ['a year as text', { year: '2026', half: 1 }],
    ['a period as text', '2026年上半年'],
  ])('rejects a malformed period (%s), naming where, and restores nothing', async (_name, bad) => {
    const file = await backupWith(bad);
    const before = await snapshotLocal();
    const result = await restoreBackup(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.messageId).toBe('storage.restore.invalid');
      expect(String(result.params.path)).toContain('reportPeriod');
    }
    expect(await snapshotLocal()).toBe(before);
  });
});
