import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { SetAsideNotice } from './SetAsideNotice';
import { ManagedNotice } from './ManagedSection';

export interface OptionsSection {
  id: string;
  titleId: string;
  render(): ReactNode;
}

/** 片段库与模板: one page, a section per kind of saved data, with a table of contents on the left. */
export function OptionsApp({
  sections,
  notice = (
    <>
      <ManagedNotice />
      <SetAsideNotice />
    </>
  ),
}: {
  sections: OptionsSection[];
  /** Above every section: a unit configuration that is not used, stored entries that cannot be used (set aside). */
  notice?: ReactNode;
}) {
  return (
    <div className="opt-layout">
      <nav className="opt-nav" aria-label={t('options.navLabel')}>
        <h1>
          <img src="/icon/48.png" alt="" width={24} height={24} />
          {t('options.title')}
        </h1>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.titleId)}</a>
            </li>
          ))}
        </ul>
        <p className="opt-muted">{t('options.privacy')}</p>
      </nav>
      <main className="opt-main">
        {notice}
        {sections.map((section) => (
          <div key={section.id} id={section.id}>
            {section.render()}
          </div>
        ))}
      </main>
    </div>
  );
}
