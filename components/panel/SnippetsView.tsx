import { t } from '@/lib/i18n';
import type { PageBridge } from '@/lib/panel/bridge';

/** Saved snippets for the field last focused; one click inserts at its caret. */
export function SnippetsView(_props: { bridge: PageBridge; origin: string }) {
  return <p className="tb-empty">{t('snippets.none')}</p>;
}
