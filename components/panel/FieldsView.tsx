import { pageOrigin } from '@/lib/panel/page-origin';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { matchSectionTitle } from '@/lib/core/coverage';
import { getTemplate } from '@/lib/core/template';
import { NO_SECTION } from '@/lib/panel/report';
import { updateSiteProfile } from '@/lib/storage';
import type { PageAnalysis } from './usePageAnalysis';

export interface FieldsViewProps {
  analysis: PageAnalysis;
  /** Saves the field → section mapping for the site; storage by default. */
  saveMapping?: (mapping: Record<string, string>) => Promise<unknown>;
}

/**
 * The page's form fields as Tianbao reads them: label, required mark, how much is filled in, and for the long
 * text fields the template section each one holds. The mapping is guessed from the label (主要工作情况 → the
 * main section); the user can correct it, and the correction is kept for the site.
 */
export function FieldsView({ analysis, saveMapping }: FieldsViewProps) {
  const [error, setError] = useState(false);
  const { fields, reportFields } = analysis;
  if (fields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  const template = analysis.templates.find((t) => t.id === analysis.templateId) ?? getTemplate(analysis.templateId);
  const sections = template?.sections.filter((section) => (section.level ?? 1) === 1) ?? [];
  const sectionOf = new Map(reportFields.map((field) => [field.key, field.sectionId ?? '']));
  const save =
    saveMapping ??
    ((mapping: Record<string, string>) => updateSiteProfile(pageOrigin(), { fieldSectionMap: mapping }));

  // A field whose label names a section holds it unless the mapping says otherwise, so "none" is stored for such a
  // field (NO_SECTION); leaving its key out would let the label map it again.
  const labelNamesSection = (key: string) => {
    const label = reportFields.find((field) => field.key === key)?.label;
    return template !== undefined && label !== undefined && matchSectionTitle(template, label) !== undefined;
  };
  const change = (key: string, sectionId: string) => {
    const mapping: Record<string, string> = {};
    for (const field of reportFields) {
      if (field.sectionId) mapping[field.key] = field.sectionId;
      else if (labelNamesSection(field.key)) mapping[field.key] = NO_SECTION;
    }
    if (sectionId) mapping[key] = sectionId;
    else if (labelNamesSection(key)) mapping[key] = NO_SECTION;
    else delete mapping[key];
    save(mapping).then(
      () => setError(false),
      () => setError(true),
    );
  };

  return (
    <div>
      {error && (
        <p className="tb-notice tb-error" role="alert">
          {t('fields.mappingSaveFailed')}
        </p>
      )}
      <ul className="tb-list" aria-label={t('panel.tab.fields')}>
        {fields.map((field) => (
          <li key={field.key} className="tb-item">
            <span className="tb-item-title">
              {field.label || t('fields.unlabelled')}
              {field.required && <span className="tb-required">{t('fields.required')}</span>}
            </span>
            <span className="tb-muted">
              {field.text.trim() === '' ? t('fields.empty') : t('fields.length', { count: [...field.text].length })}
            </span>
            {sectionOf.has(field.key) && sections.length > 0 && (
              <label className="tb-muted tb-map">
                {t('fields.section')}{' '}
                <select value={sectionOf.get(field.key)} onChange={(event) => change(field.key, event.target.value)}>
                  <option value="">{t('fields.sectionNone')}</option>
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      {section.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
