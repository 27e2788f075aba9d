import { t } from '@/lib/i18n';
import type { OutlineHeading } from '@/lib/core/analyze';
import type { PageBridge } from '@/lib/panel/bridge';
import type { PageAnalysis } from './usePageAnalysis';

function OutlineTree({ headings }: { headings: OutlineHeading[] }) {
  return (
    <ul className="tb-outline">
      {headings.map((heading, index) => (
        <li key={`${heading.start}-${index}`}>
          <span className="tb-marker">{heading.marker}</span>
          {heading.title}
          {heading.children.length > 0 && <OutlineTree headings={heading.children} />}
        </li>
      ))}
    </ul>
  );
}

/** The report's outline as parsed from the page, and what the template says is missing. */
export function StructureView({ analysis }: { analysis: PageAnalysis; bridge: PageBridge }) {
  const { outline } = analysis.analysis;
  if (analysis.fields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  if (outline.length === 0) return <p className="tb-empty">{t('structure.noOutline')}</p>;
  return (
    <div>
      <h3 className="tb-h3">{t('structure.outline')}</h3>
      <OutlineTree headings={outline} />
    </div>
  );
}
