import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';

export interface SiteSwitches {
  /** The site's effective flags (its own choice, else the global setting). */
  /** `guardLocked`: the unit's configuration keeps the guard on (the switch shows it, disabled). */
  load(): Promise<{ submitGuard: boolean; draftAutosave: boolean; guardLocked?: boolean }>;
  set(patch: Partial<{ submitGuard: boolean; draftAutosave: boolean }>): Promise<void>;
}

type Flags = { submitGuard: boolean; draftAutosave: boolean; guardLocked?: boolean };

/**
 * The per-site switches of the submit guard and draft autosave, in the panel's footer. Draft autosave runs only
 * on enabled sites, so its switch shows only there (`drafts`).
 */
export function SubmitGuardSwitches({ switches, drafts = true }: { switches: SiteSwitches; drafts?: boolean }) {
  const [flags, setFlags] = useState<Flags | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    switches.load().then((loaded) => live && setFlags(loaded), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [switches]);
  if (!flags) return failed ? <p role="alert" className="tb-muted">{t('guard.switch.saveFailed')}</p> : null;

  const flip = (name: 'submitGuard' | 'draftAutosave') => {
    const next = { ...flags, [name]: !flags[name] };
    setFlags(next);
    setFailed(false);
    switches.set({ [name]: next[name] }).catch(() => {
      setFlags(flags);
      setFailed(true);
    });
  };
  return (
    <fieldset className="tb-switches" style={{ border: 'none', margin: '4px 0 0', padding: 0, display: 'flex', gap: 12, fontSize: 13 }}>
      <legend className="tb-muted" style={{ float: 'left', marginRight: 4, padding: 0 }}>
        {t('guard.switch.legend')}
      </legend>
      <label title={t('guard.switch.submitGuardTitle')}>
        <input type="checkbox" checked={flags.submitGuard} disabled={flags.guardLocked} onChange={() => flip('submitGuard')} />{' '}
        {t('guard.switch.submitGuard')}
        {flags.guardLocked && <span className="tb-muted">{t('managed.guardLocked')}</span>}
      </label>
      {drafts && (
        <label title={t('guard.switch.draftAutosaveTitle')}>
          <input type="checkbox" checked={flags.draftAutosave} onChange={() => flip('draftAutosave')} /> {t('guard.switch.draftAutosave')}
        </label>
      )}
      {failed && <span role="alert">{t('guard.switch.saveFailed')}</span>}
    </fieldset>
  );
}
