import type { Finding, ReportField } from './types';

/**
 * A report spread over several form fields is read as one text: the fields joined by a blank line, in form
 * order. The span table maps offsets in the joined text back to a field and an offset inside it.
 */
export interface FieldSpan {
  key: string;
  start: number;
  end: number;
}

export interface ReportDocument {
  text: string;
  spans: FieldSpan[];
}

export const FIELD_SEPARATOR = '\n\n';

export function joinFields(fields: readonly ReportField[]): ReportDocument {
  const spans: FieldSpan[] = [];
  let text = '';
  for (const field of fields) {
    if (spans.length > 0) text += FIELD_SEPARATOR;
    const start = text.length;
    text += field.text;
    spans.push({ key: field.key, start, end: text.length });
  }
  return { text, spans };
}

/** The span that holds `offset`; an offset on a separator belongs to the field before it. */
export function spanAt(doc: ReportDocument, offset: number): FieldSpan | undefined {
  let lo = 0;
  let hi = doc.spans.length - 1;
  let found: FieldSpan | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = doc.spans[mid]!;
    if (span.start <= offset) {
      found = span;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Re-bases a finding on the field it starts in. A finding that would cross into the next field is clipped
 * to its own field, so that selecting it never spills over.
 */
export function mapFindingToField(doc: ReportDocument, finding: Finding): Finding {
  const span = spanAt(doc, finding.start);
  if (!span) return finding;
  const clip = (n: number) => Math.min(Math.max(n, span.start), span.end) - span.start;
  const mapped: Finding = {
    ...finding,
    fieldKey: span.key,
    start: clip(finding.start),
    end: clip(finding.end),
  };
  if (finding.fix) {
    mapped.fix = { ...finding.fix, start: clip(finding.fix.start), end: clip(finding.fix.end) };
  }
  return mapped;
}

/**
 * mapFindingToField over a whole list, for the runner's thousands of findings (an all-placeholder paste has
 * over 100 a kilobyte): findings come sorted by start, so the span moves forward instead of being searched,
 * and each finding is rebuilt with a fixed shape instead of an object spread, which V8 makes slow and garbage-heavy.
 */
export function mapFindingsToFields(doc: ReportDocument, findings: readonly Finding[]): Finding[] {
  const spans = doc.spans;
  const out: Finding[] = new Array(findings.length);
  let index = 0;
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) if (findings[i]!.start < findings[i - 1]!.start) sorted = false;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    let span: FieldSpan | undefined;
    if (sorted) {
      while (index + 1 < spans.length && spans[index + 1]!.start <= finding.start) index++;
      span = spans[index] && spans[index]!.start <= finding.start ? spans[index] : undefined;
    } else {
      span = spanAt(doc, finding.start);
    }
    if (!span) {
      out[i] = finding;
      continue;
    }
    const from = span.start;
    const to = span.end;
    const mapped: Finding = {
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      start: (finding.start < from ? from : finding.start > to ? to : finding.start) - from,
      end: (finding.end < from ? from : finding.end > to ? to : finding.end) - from,
      messageId: finding.messageId,
      fieldKey: span.key,
    };
    if (finding.params !== undefined) mapped.params = finding.params;
    if (finding.fix) {
      const fix = finding.fix;
      mapped.fix = { ...fix, start: (fix.start < from ? from : fix.start > to ? to : fix.start) - from, end: (fix.end < from ? from : fix.end > to ? to : fix.end) - from };
    }
    out[i] = mapped;
  }
  return out;
}
