import { useEffect, useState } from 'react';
import { ruleConfigFor } from '@/lib/core/rules/settings';
import type { RuleConfig } from '@/lib/core/rules';
import { getRuleSettings, watchSettings } from '@/lib/storage';

/** The rule switches and user entries in force on this site, kept current when the options page changes them. */
export function useRuleConfig(origin: string): RuleConfig | undefined {
  const [config, setConfig] = useState<RuleConfig | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      getRuleSettings()
        .then((settings) => alive && setConfig(ruleConfigFor(settings, origin)))
        .catch(() => undefined);
    refresh();
    const stop = watchSettings(() => refresh());
    return () => {
      alive = false;
      stop();
    };
  }, [origin]);
  return config;
}
