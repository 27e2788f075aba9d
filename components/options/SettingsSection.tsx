import { useEffect, useState } from 'react';
import { t, type Language } from '@/lib/i18n';
import { updateSettings } from '@/lib/storage';

type LanguageSetting = 'auto' | Language;

export interface SettingsSectionProps {
  load(): Promise<{ language: LanguageSetting; snippetParagraphs?: boolean }>;
  saveLanguage(language: LanguageSetting): Promise<void>;
  /** 片段插入时另起一段. Default: stored in the settings. */
  saveSnippetParagraphs?(on: boolean): Promise<void>;
}

const storeSnippetParagraphs = async (on: boolean) => {
  await updateSettings({ snippetParagraphs: on });
};

/** The data layer's own words when it has them (storage full, saved by a newer version). */
function failure(error: unknown): { ok: false; id: string; params?: Record<string, string | number> } {
  const e = error as { messageId?: unknown; params?: Record<string, string | number> } | undefined;
  return typeof e?.messageId === 'string' ? { ok: false, id: e.messageId, params: e.params } : { ok: false, id: 'options.settings.saveFailed' };
}

/** 设置: interface language, how snippets go in (more settings join here as they arrive). */
export function SettingsSection({ load, saveLanguage, saveSnippetParagraphs = storeSnippetParagraphs }: SettingsSectionProps) {
  const [language, setLanguage] = useState<LanguageSetting | undefined>(undefined);
  const [paragraphs, setParagraphs] = useState(true);
  // A message id, not its text: the page switches language as soon as the setting is saved, and the
  // confirmation must read in the new language.
  const [status, setStatus] = useState<{ ok: boolean; id: string; params?: Record<string, string | number> } | undefined>(
    undefined,
  );
  useEffect(() => {
    load()
      .then((settings) => {
        setLanguage(settings.language);
        setParagraphs(settings.snippetParagraphs !== false);
      })
      .catch(() => setLanguage('auto'));
  }, []);
  if (!language) return null;
  return (
    <section aria-labelledby="settings-title" className="opt-section">
      <h2 id="settings-title">{t('options.settings.title')}</h2>
      <label>
        {t('options.settings.language')}{' '}
        <select
          value={language}
          onChange={async (event) => {
            const next = event.target.value as LanguageSetting;
            setLanguage(next);
            try {
              await saveLanguage(next);
              setStatus({ ok: true, id: 'options.settings.saved' });
            } catch (error) {
              setStatus(failure(error));
            }
          }}
        >
          <option value="auto">{t('options.settings.languageAuto')}</option>
          <option value="zh_CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <p>
        <label>
          <input
            type="checkbox"
            checked={paragraphs}
            aria-describedby="settings-snippet-paragraphs-hint"
            onChange={async (event) => {
              const next = event.target.checked;
              setParagraphs(next);
              try {
                await saveSnippetParagraphs(next);
                setStatus({ ok: true, id: 'options.settings.savedPlain' });
              } catch (error) {
                setParagraphs(!next);
                setStatus(failure(error));
              }
            }}
          />
          {t('options.settings.snippetParagraphs')}
        </label>
        <br />
        <span className="opt-muted" id="settings-snippet-paragraphs-hint">
          {t('options.settings.snippetParagraphsHint')}
        </span>
      </p>
      {status && <p role={status.ok ? 'status' : 'alert'}>{t(status.id, status.params)}</p>}
    </section>
  );
}
