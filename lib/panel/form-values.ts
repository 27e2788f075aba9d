// Values the form itself already holds, for {{变量}} in snippets and scaffolds: 单位名称 and 报告期 typed or
// chosen in their own fields.
import type { PanelField } from './bridge';

export function formValues(fields: readonly PanelField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const text = field.text.trim();
    if (!text) continue;
    if (/单位名称|填报单位|单位全称/.test(field.label)) values['单位名称'] ??= text;
    if (/报告期|报告期间|填报期间|时间段/.test(field.label)) values['报告期'] ??= text;
  }
  return values;
}
