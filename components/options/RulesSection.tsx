import { useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import {
  addUserEntry,
  ruleCatalog,
  validateUserEntry,
  type SiteRuleSettings,
  type UserRuleSettings,
} from '@/lib/core/rules/settings';
import { isManagedId } from '@/lib/storage/managed';
import { ManagedBadge } from './ManagedSection';

export interface RulesSectionProps {
  config: UserRuleSettings;
  onChange(next: UserRuleSettings): void;
  /** Origins the user may scope switches to (the enabled sites); sites already in `config` are added. */
  sites?: readonly string[];
  /** Rules and entries the unit's configuration sets (kept on, or switched off): shown, not switchable. */
  locked?: { rules: readonly string[]; entries: readonly string[] };
}

const EVERYWHERE = '';

type Switches = { disabledRules: readonly string[]; disabledEntries: readonly string[] };

function toggled(list: readonly string[], id: string, off: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return off ? [...without, id] : without;
}

/** The settings with one rule or entry switched in the chosen scope (all sites, or one origin). */
function withSwitch(
  config: UserRuleSettings,
  scope: string,
  kind: keyof Switches,
  id: string,
  off: boolean,
): UserRuleSettings {
  if (scope === EVERYWHERE) return { ...config, [kind]: toggled(config[kind], id, off) };
  const site: SiteRuleSettings = config.sites[scope] ?? { disabledRules: [], disabledEntries: [] };
  return { ...config, sites: { ...config.sites, [scope]: { ...site, [kind]: toggled(site[kind], id, off) } } };
}

/** 检查规则: switch rules and single entries off, everywhere or per site, and keep the user's own entries. */
export function RulesSection({ config, onChange, sites = [], locked = { rules: [], entries: [] } }: RulesSectionProps) {
  const catalog = useMemo(() => ruleCatalog(), []);
  const [scope, setScope] = useState(EVERYWHERE);
  const [wrong, setWrong] = useState('');
  const [right, setRight] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const origins = [...new Set([...sites, ...Object.keys(config.sites)])].sort();
  const local: Switches =
    scope === EVERYWHERE ? config : (config.sites[scope] ?? { disabledRules: [], disabledEntries: [] });

  const add = () => {
    const problem = validateUserEntry(wrong, right, config.userEntries);
    if (problem) {
      setError(problem);
      return;
    }
    setError(undefined);
    onChange(addUserEntry(config, wrong, right, note.trim() || undefined));
    setWrong('');
    setRight('');
    setNote('');
  };

  return (
    <section aria-labelledby="rules-title" className="opt-section">
      <h2 id="rules-title">{t('rules.ui.title')}</h2>
      <p className="opt-muted">{t('rules.ui.intro')}</p>

      <label>
        {t('rules.ui.scope')}{' '}
        <select value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value={EVERYWHERE}>{t('rules.ui.scopeEverywhere')}</option>
          {origins.map((origin) => (
            <option key={origin} value={origin}>
              {origin}
            </option>
          ))}
        </select>
      </label>

      <ul className="opt-list">
        {catalog.map((rule) => {
          const offEverywhere = scope !== EVERYWHERE && config.disabledRules.includes(rule.id);
          const on = !offEverywhere && !local.disabledRules.includes(rule.id);
          return (
            <li key={rule.id}>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={offEverywhere || locked.rules.includes(rule.id)}
                  onChange={(event) => onChange(withSwitch(config, scope, 'disabledRules', rule.id, !event.target.checked))}
                />{' '}
                {t(`rules.name.${rule.id}`)}
              </label>
              {locked.rules.includes(rule.id) && <span className="opt-muted"> {t('managed.locked')}</span>}
              {offEverywhere && <span className="opt-muted"> {t('rules.ui.offEverywhere')}</span>}
              {rule.entries.length > 0 && (
                <details>
                  <summary>{t('rules.ui.entries', { count: rule.entries.length })}</summary>
                  <ul>
                    {rule.entries.map((entry) => {
                      const entryOffEverywhere = scope !== EVERYWHERE && config.disabledEntries.includes(entry.id);
                      return (
                        <li key={entry.id}>
                          <label>
                            <input
                              type="checkbox"
                              checked={!entryOffEverywhere && !local.disabledEntries.includes(entry.id)}
                              disabled={!on || entryOffEverywhere || locked.entries.includes(entry.id)}
                              onChange={(event) =>
                                onChange(withSwitch(config, scope, 'disabledEntries', entry.id, !event.target.checked))
                              }
                            />{' '}
                            {entry.label}
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>

      <h3>{t('rules.ui.userEntries')}</h3>
      <p className="opt-muted">{t('rules.ui.userEntriesHint')}</p>
      {config.userEntries.length === 0 ? (
        <p>{t('rules.ui.noUserEntries')}</p>
      ) : (
        <ul className="opt-list">
          {config.userEntries.map((entry) => (
            <li key={entry.id}>
              <span>{t('rules.ui.pair', { wrong: entry.wrong, right: entry.right })}</span>
              {entry.note && <span className="opt-muted"> {entry.note}</span>}{' '}
              {isManagedId(entry.id) ? (
                <ManagedBadge />
              ) : (
                <button
                  type="button"
                  onClick={() => onChange({ ...config, userEntries: config.userEntries.filter((e) => e.id !== entry.id) })}
                >
                  {t('rules.ui.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          {t('rules.ui.wrong')} <input value={wrong} onChange={(event) => setWrong(event.target.value)} />
        </label>{' '}
        <label>
          {t('rules.ui.right')} <input value={right} onChange={(event) => setRight(event.target.value)} />
        </label>{' '}
        <label>
          {t('rules.ui.note')} <input value={note} onChange={(event) => setNote(event.target.value)} />
        </label>{' '}
        <button type="submit">{t('rules.ui.add')}</button>
        {error && <p role="alert">{t(error)}</p>}
      </form>
    </section>
  );
}
