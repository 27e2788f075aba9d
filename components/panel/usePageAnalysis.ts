import { useEffect, useMemo, useState } from 'react';
import { analyze, type Analysis } from '@/lib/core/analyze';
import { joinFields, mapFindingToField } from '@/lib/core/document';
import type { Finding } from '@/lib/core/types';
import type { PageBridge, PanelField } from '@/lib/panel/bridge';

export interface PageAnalysis {
  fields: PanelField[];
  analysis: Analysis;
  /** Findings re-based on the field each one sits in. */
  findings: Finding[];
  blocking: number;
}

const DEBOUNCE_MS = 300;

/** Reads the page's fields and analyses them as one report; again, debounced, after every edit. */
export function usePageAnalysis(bridge: PageBridge, active: boolean): PageAnalysis {
  const [fields, setFields] = useState<PanelField[]>(() => bridge.readFields());
  useEffect(() => {
    if (!active) return;
    setFields(bridge.readFields());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = bridge.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setFields(bridge.readFields()), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [bridge, active]);

  return useMemo(() => {
    const reportFields = fields
      .filter((field) => field.kind !== 'select' && field.kind !== 'input')
      .map((field) => ({ key: field.key, label: field.label, sectionId: field.sectionId, text: field.text }));
    const doc = joinFields(reportFields);
    const analysis = analyze(reportFields);
    const findings = analysis.findings.map((finding) => mapFindingToField(doc, finding));
    return { fields, analysis, findings, blocking: findings.filter((f) => f.severity === 'blocking').length };
  }, [fields]);
}
