import { t } from '@/lib/i18n';
import type { PanelField } from '@/lib/panel/bridge';

/** The page's form fields as Tianbao sees them: label, required mark, how much is filled in. */
export function FieldsView({ fields }: { fields: PanelField[] }) {
  if (fields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  return (
    <ul className="tb-list" aria-label={t('panel.tab.fields')}>
      {fields.map((field) => (
        <li key={field.key} className="tb-item">
          <span className="tb-item-title">
            {field.label || t('fields.unlabelled')}
            {field.required && <span className="tb-required">{t('fields.required')}</span>}
          </span>
          <span className="tb-muted">
            {field.text.trim() === ''
              ? t('fields.empty')
              : t('fields.length', { count: [...field.text].length })}
          </span>
        </li>
      ))}
    </ul>
  );
}
