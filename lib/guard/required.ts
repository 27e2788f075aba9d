// The form's own requirements: a field the portal marks as required (its * marker, `required`,
// `aria-required`, a framework's required rule where it shows — lib/dom discovery decides) that is still empty
// is a blocking problem, in the 检查 tab and at 提交 alike. An empty form is therefore not "no problems".
// Why blocking: the portal would refuse the submit anyway, or worse, accept a report with a section left out.
import type { Finding } from '../core/types';
import type { PanelField } from '../panel/bridge';

export const REQUIRED_RULE = 'form-required-empty';

export function requiredFieldFindings(fields: readonly PanelField[]): Finding[] {
  const out: Finding[] = [];
  for (const field of fields) {
    if (!field.required || field.text.trim() !== '') continue;
    out.push({
      ruleId: REQUIRED_RULE,
      category: 'form',
      severity: 'blocking',
      start: 0,
      end: 0,
      messageId: field.label ? 'checks.requiredEmpty' : 'checks.requiredEmptyUnlabelled',
      params: { label: field.label },
      fieldKey: field.key,
    });
  }
  return out;
}
