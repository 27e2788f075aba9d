import { createRoot } from 'react-dom/client';
import { EnableSite } from '@/components/enable-site/EnableSite';
import { loadLanguage } from '@/lib/panel/language';

void loadLanguage().then(() => {
  const origin = new URLSearchParams(location.search).get('origin') ?? '';
  createRoot(document.getElementById('root')!).render(<EnableSite origin={origin} />);
});
