import { useState } from 'react';
import { t } from '@/lib/i18n';
import { analyze, type Analysis } from '@/lib/core/analyze';
import { readinessItems } from '@/lib/export/readiness';

/**
 * 检查报告 for the leader who signs the report off, on paper: paste the report, see the same checks the panel
 * makes (readiness, coverage per section, findings by category with their text), and print them — or download
 * the .docx the panel also exports. Nothing leaves the browser.
 */
export function CheckReportSection({ print = () => window.print() }: { print?: () => void }) {
  const [text, setText] = useState('');
  const [analysis, setAnalysis] = useState<Analysis | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const check = () => {
    if (!text.trim()) {
      setAnalysis(undefined);
      setError(t('options.checkReport.empty'));
      return;
    }
    setError(undefined);
    setAnalysis(analyze(text));
  };

  const items = analysis ? readinessItems(analysis) : [];
  const byCategory = new Map<string, Analysis['findings']>();
  for (const f of analysis?.findings ?? []) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const lineOf = (offset: number) => (analysis ? analysis.text.slice(0, offset).split('\n').length : 0);

  return (
    <section aria-labelledby="check-report-title" className="opt-section opt-check-report">
      <h2 id="check-report-title">{t('options.checkReport.title')}</h2>
      <p className="opt-muted opt-noprint">{t('options.checkReport.explain')}</p>
      <label className="opt-noprint">
        {t('options.checkReport.paste')}
        <textarea rows={8} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <p className="opt-noprint">
        <button type="button" onClick={check}>
          {t('options.checkReport.check')}
        </button>{' '}
        <button type="button" disabled={!analysis} onClick={print}>
          {t('options.checkReport.print')}
        </button>
      </p>
      {error && <p role="alert" className="opt-error">{error}</p>}
      {analysis && (
        <div className="opt-report" data-testid="check-report">
          <h3>{analysis.title ? t('checkReport.title', { title: analysis.title.text.trim() }) : t('checkReport.untitled')}</h3>
          <h4>{t('checkReport.readiness')}</h4>
          <p>
            {t('checkReport.verdict', {
              verdict: items.length === 0 ? t('readiness.ready') : t('readiness.missing', { count: items.length }),
            })}
          </p>
          <ol>
            {items.map((item) => (
              <li key={item.key}>{t(item.messageId, item.params)}</li>
            ))}
          </ol>
          <h4>{t('checkReport.coverage')}</h4>
          {(analysis.coverage?.sections ?? []).length === 0 && <p>{t('checkReport.coverage.none')}</p>}
          <ul>
            {(analysis.coverage?.sections ?? []).map((section) => (
              <li key={section.id}>
                {t('checkReport.section', {
                  section: section.title,
                  status: t(`cli.section.${section.status}`),
                  covered: section.topics.filter((topic) => topic.covered).length,
                  total: section.topics.length,
                })}
              </li>
            ))}
          </ul>
          <h4>{t('checkReport.findings')}</h4>
          {analysis.findings.length === 0 && <p>{t('checkReport.findings.none')}</p>}
          {[...byCategory].map(([category, list]) => {
            const name = t(`checks.category.${category}`);
            return (
              <div key={category}>
                <h5>{t('checkReport.category', { name: name.startsWith('checks.') ? t('checks.category.other') : name, count: list.length })}</h5>
                <ul className="opt-plain">
                  {list.map((f, i) => (
                    <li key={`${f.ruleId}:${f.start}:${f.end}`}>
                      {t('checkReport.finding', { n: i + 1, line: lineOf(f.start), severity: t(`cli.severity.${f.severity}`), message: t(f.messageId, f.params) })}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
