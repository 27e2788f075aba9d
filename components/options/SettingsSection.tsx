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
  // A message id, not its text: the page switches language as soon as the setting is saved, and the
  // confirmation must read in the new language.
  const [status, setStatus] = useState<{ ok: boolean; id: string; params?: Record<string, string | number> } | undefined>(
    undefined,
  );
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
              setStatus({ ok: true, id: 'options.settings.saved' });
            } catch (error) {
              // The data layer's own words when it has them (storage full, saved by a newer version).
              const e = error as { messageId?: unknown; params?: Record<string, string | number> } | undefined;
              setStatus(
                typeof e?.messageId === 'string'
                  ? { ok: false, id: e.messageId, params: e.params }
                  : { ok: false, id: 'options.settings.saveFailed' },
              );
            }
          }}
        >
          <option value="auto">{t('options.settings.languageAuto')}</option>
          <option value="zh_CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {status && <p role={status.ok ? 'status' : 'alert'}>{t(status.id, status.params)}</p>}
    </section>
  );
}
