// The readiness figure (可以提交 / 还差 N 项) of an analysed report, for the 检查报告. It follows the panel's bar
// (missingItems in components/panel/Readiness.tsx) on a report alone, without the form around it: a required
// section missing or empty is one item, a required topic not covered in a written section is one item, every
// other blocking finding counts once per place (distinctProblems, as the panel and the submit guard count), and a
// blank report is never ready. The form's own required fields are counted only when given.
import type { Analysis } from '../core/analyze';
import type { Finding } from '../core/types';
import { distinctProblems } from '../guard/findings';
import { REQUIRED_RULE } from '../guard/required';
import type { MessageParams } from '../i18n';

export interface ReadinessItem {
  key: string;
  messageId: string;
  params?: MessageParams;
}

const SECTION_RULES = new Set(['coverage-section-missing', 'coverage-section-empty']);

/** What keeps the report from being ready, each thing once; empty when it is ready. */
export function readinessItems(analysis: Analysis, requiredEmpty: readonly Finding[] = []): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  const blockers = distinctProblems([...requiredEmpty, ...analysis.findings.filter((f) => f.severity === 'blocking')]);
  blockers.forEach((finding, index) => {
    if (finding.ruleId !== REQUIRED_RULE) return;
    items.push({ key: `field:${finding.fieldKey ?? index}`, messageId: finding.messageId, ...(finding.params ? { params: finding.params } : {}) });
  });
  const unwritten = new Set<string>();
  for (const section of analysis.coverage?.sections ?? []) {
    if (section.status === 'missing' || section.status === 'empty') {
      if (!section.required) continue;
      unwritten.add(section.title);
      items.push({
        key: `section:${section.id}`,
        messageId: section.status === 'missing' ? 'readiness.sectionMissing' : 'readiness.sectionEmpty',
        params: { section: section.title },
      });
      continue;
    }
    for (const topic of section.topics) {
      if (!topic.required || topic.covered) continue;
      items.push({ key: `topic:${section.id}:${topic.id}`, messageId: 'readiness.topicMissing', params: { section: section.title, topic: topic.title } });
    }
  }
  blockers.forEach((finding, index) => {
    if (finding.ruleId === REQUIRED_RULE) return;
    if (SECTION_RULES.has(finding.ruleId) && unwritten.has(String(finding.params?.section ?? ''))) return;
    items.push({ key: `finding:${finding.ruleId}:${finding.start}:${index}`, messageId: finding.messageId, ...(finding.params ? { params: finding.params } : {}) });
  });
  if (items.length === 0 && analysis.text.trim() === '') items.push({ key: 'blank', messageId: 'readiness.blank' });
  return items;
}
