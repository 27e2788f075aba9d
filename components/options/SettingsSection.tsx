import { useEffect, useState } from 'react';
import { t, type Language } from '@/lib/i18n';

type LanguageSetting = 'auto' | Language;

export interface SettingsSectionProps {
  load(): Promise<{ language: LanguageSetting }>;
  saveLanguage(language: LanguageSetting): Promise<void>;
}

/** 设置: interface language (more settings join here as they arrive). */
export function SettingsSection({ load, saveLanguage }: SettingsSectionProps) {
  const [language, setLanguage] = useState<LanguageSetting | undefined>(undefined);
  const [status, setStatus] = useState<'saved' | 'failed' | undefined>(undefined);
  useEffect(() => {
    load()
      .then((settings) => setLanguage(settings.language))
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
              setStatus('saved');
            } catch {
              setStatus('failed');
            }
          }}
        >
          <option value="auto">{t('options.settings.languageAuto')}</option>
          <option value="zh_CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {status === 'saved' && <p role="status">{t('options.settings.saved')}</p>}
      {status === 'failed' && <p role="alert">{t('options.settings.saveFailed')}</p>}
    </section>
  );
}
