import { createRoot } from 'react-dom/client';
import { EnableSite } from '@/components/enable-site/EnableSite';
import { getLanguage, t } from '@/lib/i18n';
import { loadLanguage } from '@/lib/panel/language';
import './enable-site.css';

void loadLanguage().then(() => {
  // The page's own language and title follow the interface language (the HTML says Chinese until then).
  document.documentElement.lang = getLanguage() === 'en' ? 'en' : 'zh-CN';
  document.title = t('enableSite.title');
  const origin = new URLSearchParams(location.search).get('origin') ?? '';
  createRoot(document.getElementById('root')!).render(<EnableSite origin={origin} />);
});
