import { useEffect, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { readManaged, watchManaged, type ManagedState } from '@/lib/storage';

export interface ManagedSource {
  read(): Promise<ManagedState>;
  watch(onChange: () => void): () => void;
}

const storageSource: ManagedSource = { read: readManaged, watch: watchManaged };

/** The unit's configuration as it is now, kept current when the policy changes (no reload). */
export function useManaged(source: ManagedSource = storageSource): ManagedState | undefined {
  const [state, setState] = useState<ManagedState | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const load = () =>
      source.read().then(
        (next) => alive && setState(next),
        () => alive && setState({}),
      );
    void load();
    const stop = source.watch(() => void load());
    return () => {
      alive = false;
      stop();
    };
  }, [source]);
  return state;
}

/** The label every managed item carries (lists on this page and the panel's 片段). */
export function ManagedBadge() {
  return (
    <span
      className="opt-managed"
      style={{ fontSize: 12, color: '#1d4f91', border: '1px solid #1d4f91', borderRadius: 3, padding: '0 4px', marginLeft: 6 }}
    >
      {t('managed.label')}
    </span>
  );
}

/** Above every section: a policy value that is set but not used, and why (both languages, from the catalogs). */
export function ManagedNotice({ source }: { source?: ManagedSource }) {
  const state = useManaged(source);
  const problem = state?.problem;
  if (!problem) return null;
  return (
    <p role="alert" className="opt-error">
      {t(`managed.problem.${problem.kind}`, { path: problem.path || '—', detail: problem.detail })}
    </p>
  );
}

/**
 * 单位统一配置: what the unit's policy brings (its name, how many templates, snippets, entries and sites) and the
 * locks in force; `children` adds the signed-pack import below.
 */
export function ManagedSection({ source, children }: { source?: ManagedSource; children?: ReactNode }) {
  const state = useManaged(source);
  if (!state) return null;
  const config = state.config;
  return (
    <section aria-labelledby="managed-title" className="opt-section">
      <h2 id="managed-title">{t('managed.title')}</h2>
      <p className="opt-muted">{t('managed.explain')}</p>
      {!config && !state.problem && <p>{t('managed.none')}</p>}
      {state.problem && (
        <p className="opt-error">
          {t(`managed.problem.${state.problem.kind}`, { path: state.problem.path || '—', detail: state.problem.detail })}
        </p>
      )}
      {config && (
        <ul className="opt-list" aria-label={t('managed.title')}>
          {config.unitName && <li>{t('managed.unit', { name: config.unitName })}</li>}
          <li>
            {t('managed.summary', {
              templates: config.templates.length,
              snippets: config.snippets.length,
              entries: config.entries.length,
              sites: config.sites.length,
            })}
          </li>
          {config.locks.submitGuard === true && <li>{t('managed.lockGuard')}</li>}
          {config.locks.draftRetentionDays !== undefined && (
            <li>{t('managed.lockRetention', { days: config.locks.draftRetentionDays })}</li>
          )}
          {config.locks.requiredRules.length > 0 && (
            <li>{t('managed.lockRules', { rules: ruleNames(config.locks.requiredRules) })}</li>
          )}
          {config.disabledRules.length > 0 && <li>{t('managed.unitOff', { rules: ruleNames(config.disabledRules) })}</li>}
          {config.packKey && <li>{t('managed.packKey')}</li>}
        </ul>
      )}
      {children}
    </section>
  );
}

/** Rule names as the rules section shows them; an id this build does not know stays as it is. */
function ruleNames(ids: readonly string[]): string {
  return ids
    .map((id) => {
      const name = t(`rules.name.${id}`);
      return name === `rules.name.${id}` ? id : name;
    })
    .join('、');
}
