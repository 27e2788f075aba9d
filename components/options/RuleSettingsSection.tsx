import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { UserRuleSettings } from '@/lib/core/rules/settings';
import { RulesSection } from './RulesSection';
import { useManaged } from './ManagedSection';

export interface RuleSettingsSectionProps {
  load(): Promise<UserRuleSettings>;
  save(next: UserRuleSettings): Promise<UserRuleSettings>;
  sites(): Promise<string[]>;
}

/**
 * 检查规则 on the options page: RulesSection bound to storage. A change shows at once; when saving fails
 * (storage full, invalid entry) the previous settings come back with the reason, so nothing is half-saved.
 */
export function RuleSettingsSection({ load, save, sites }: RuleSettingsSectionProps) {
  const [config, setConfig] = useState<UserRuleSettings | undefined>(undefined);
  const [origins, setOrigins] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const unit = useManaged()?.config;
  // Loaded again when the unit's configuration changes (its entries and switches are part of what is shown).
  const unitKey = JSON.stringify(unit ?? null);
  useEffect(() => {
    load()
      .then(setConfig)
      .catch(() => setError(t('options.rules.loadFailed')));
  }, [unitKey]);
  useEffect(() => {
    sites()
      .then(setOrigins)
      .catch(() => undefined);
  }, []);
  if (!config) return error ? <p role="alert">{error}</p> : null;
  return (
    <div>
      {error && (
        <p role="alert" className="opt-error">
          {error}
        </p>
      )}
      <RulesSection
        config={config}
        sites={origins}
        locked={{
          rules: [...(unit?.locks.requiredRules ?? []), ...(unit?.disabledRules ?? [])],
          entries: unit?.disabledEntries ?? [],
        }}
        onChange={(next) => {
          const previous = config;
          setConfig(next);
          save(next)
            .then((saved) => {
              setConfig(saved);
              setError(undefined);
            })
            .catch((e: { messageId?: string; params?: Record<string, string | number> }) => {
              setConfig(previous);
              setError(t(e?.messageId ?? 'options.rules.saveFailed', e?.params));
            });
        }}
      />
    </div>
  );
}
