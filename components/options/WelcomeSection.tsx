import { t } from '@/lib/i18n';

export interface WelcomeSectionProps {
  /** The keyboard shortcut that opens the panel, as the browser reports it ('' when the user removed it). */
  shortcut?: string;
  /** The shortcut that goes to the next problem ('' when none is set). */
  nextProblem?: string;
  /** Set when the page was opened right after installation: the greeting is then the first thing read. */
  justInstalled?: boolean;
}

/**
 * 使用说明: what Tianbao does (its three jobs), how to open and pin it, and what it keeps where. It is the first
 * section of the options page, and the page opened at it right after installation.
 */
export function WelcomeSection({ shortcut, nextProblem, justInstalled = false }: WelcomeSectionProps) {
  const jobs = ['structure', 'check', 'snippets'] as const;
  return (
    <section aria-labelledby="welcome-title" className="opt-section opt-welcome">
      <h2 id="welcome-title">{justInstalled ? t('options.welcome.installedTitle') : t('options.welcome.title')}</h2>
      <p>{t('options.welcome.intro')}</p>
      <ol className="opt-jobs">
        {jobs.map((job) => (
          <li key={job}>
            <strong>{t(`options.welcome.job.${job}.title`)}</strong>
            <span>{t(`options.welcome.job.${job}.body`)}</span>
          </li>
        ))}
      </ol>
      <h3>{t('options.welcome.openTitle')}</h3>
      <p>
        {shortcut
          ? t('options.welcome.openWithShortcut', { shortcut })
          : t('options.welcome.openNoShortcut')}
      </p>
      {nextProblem && <p>{t('options.welcome.nextProblem', { shortcut: nextProblem })}</p>}
      <h3>{t('options.welcome.pinTitle')}</h3>
      <p>{t('options.welcome.pin')}</p>
      <h3>{t('options.welcome.privacyTitle')}</h3>
      <p>{t('options.welcome.privacy')}</p>
    </section>
  );
}
