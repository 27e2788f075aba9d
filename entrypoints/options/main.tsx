import { createRoot } from 'react-dom/client';
import { OptionsApp, type OptionsSection } from '@/components/options/OptionsApp';
import { SitesSection } from '@/components/options/SitesSection';
import { SettingsSection } from '@/components/options/SettingsSection';
import { SnippetsSection } from '@/components/options/SnippetsSection';
import { BackupSection } from '@/components/options/BackupSection';
import { RuleSettingsSection } from '@/components/options/RuleSettingsSection';
import { TemplatesSection } from '@/components/options/TemplatesSection';
import { DraftsSection } from '@/components/options/DraftsSection';
import { HistorySection } from '@/components/options/HistorySection';
import { ReferencesSection } from '@/components/options/ReferencesSection';
import { WelcomeSection } from '@/components/options/WelcomeSection';
import { CheckReportSection } from '@/components/options/CheckReportSection';
import { browser } from 'wxt/browser';
import { activeSites, enableSite, revokeSite } from '@/lib/background/sites';
import { ManagedSection } from '@/components/options/ManagedSection';
import { ManagedPackImport } from '@/components/options/ManagedPackImport';
import { originPattern } from '@/lib/messages';
import {
  deleteDrafts,
  addReferenceText,
  deleteReferenceText,
  listReferenceTexts,
  watchReferenceTexts,
  deleteReportRecord,
  listReportHistory,
  setReportRecordKept,
  watchReportHistory,
  getRuleSettings,
  getSettings,
  listAllDrafts,
  saveRuleSettings,
  updateSettings,
  watchDrafts,
  watchSettings,
} from '@/lib/storage';
import type { Language } from '@/lib/i18n';
import { loadLanguage } from '@/lib/panel/language';
import './options.css';

const justInstalled = new URLSearchParams(location.search).has('installed');

/** The shortcuts that open the panel and go to the next problem, as the browser has them now ('' when removed). */
async function shortcuts(): Promise<{ open: string; next: string }> {
  try {
    const commands = await browser.commands.getAll();
    const of = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
    return { open: of('_execute_action'), next: of('next-problem') };
  } catch {
    return { open: '', next: '' };
  }
}

/** 推荐启用 → 启用: the browser's own prompt for the site (a click is the user gesture it needs), then the site on. */
async function enableRecommended(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  return granted && (await enableSite(origin));
}

const sections = (keys: { open: string; next: string }): OptionsSection[] => [
  {
    id: 'welcome',
    titleId: 'options.welcome.nav',
    render: () => <WelcomeSection shortcut={keys.open} nextProblem={keys.next} justInstalled={justInstalled} />,
  },
  { id: 'snippets', titleId: 'storage.snippets.title', render: () => <SnippetsSection /> },
  { id: 'templates', titleId: 'templates.title', render: () => <TemplatesSection /> },
  {
    id: 'rules',
    titleId: 'rules.ui.title',
    render: () => <RuleSettingsSection load={getRuleSettings} save={saveRuleSettings} sites={activeSites} />,
  },
  {
    id: 'sites',
    titleId: 'options.sites.title',
    render: () => <SitesSection list={activeSites} revoke={revokeSite} enable={enableRecommended} />,
  },
  {
    id: 'drafts',
    titleId: 'options.drafts.title',
    render: () => (
      <DraftsSection
        list={listAllDrafts}
        remove={deleteDrafts}
        retentionDays={async () => (await getSettings()).draftRetentionDays}
        watch={(onChange) => watchDrafts(() => onChange())}
      />
    ),
  },
  {
    id: 'history',
    titleId: 'options.history.title',
    render: () => (
      <HistorySection
        list={listReportHistory}
        remove={deleteReportRecord}
        setKept={setReportRecordKept}
        retentionDays={async () => (await getSettings()).draftRetentionDays}
        watch={(onChange) => watchReportHistory(() => onChange())}
      />
    ),
  },
  {
    id: 'references',
    titleId: 'options.references.title',
    render: () => (
      <ReferencesSection
        list={listReferenceTexts}
        add={addReferenceText}
        remove={deleteReferenceText}
        watch={(onChange) => watchReferenceTexts(() => onChange())}
      />
    ),
  },
  {
    id: 'managed',
    titleId: 'managed.title',
    render: () => (
      <ManagedSection>
        <ManagedPackImport />
      </ManagedSection>
    ),
  },
  { id: 'check-report', titleId: 'options.checkReport.title', render: () => <CheckReportSection /> },
  { id: 'backup', titleId: 'storage.backup.title', render: () => <BackupSection /> },
  {
    id: 'settings',
    titleId: 'options.settings.title',
    render: () => (
      <SettingsSection
        load={getSettings}
        saveLanguage={async (language) => {
          await updateSettings({ language });
        }}
      />
    ),
  },
];

const root = createRoot(document.getElementById('root')!);

function show(language: Language, keys: { open: string; next: string }) {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.title = language === 'en' ? 'Tianbao · Snippets & templates' : '填报助手 · 片段库与模板';
  // Rendering the same tree again keeps every section's state (a snippet being edited stays as typed); only
  // the words change.
  root.render(<OptionsApp sections={sections(keys)} />);
}

void Promise.all([loadLanguage(), shortcuts()]).then(([language, keys]) => {
  show(language, keys);
  // A language chosen in 设置 (here or in another options tab) applies at once, with no reload.
  watchSettings(() => {
    void loadLanguage().then((next) => show(next, keys));
  });
});
