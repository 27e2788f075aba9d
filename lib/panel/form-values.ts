// Values the form itself already holds, for {{变量}} in snippets and scaffolds: 单位名称 and 报告期 typed or
// chosen in their own fields.
import type { PanelField } from './bridge';

/** Field labels that hold a variable's value, by variable name. */
const VARIABLE_LABELS: Readonly<Record<string, RegExp>> = {
  单位名称: /单位名称|填报单位|单位全称|^单位$/,
  报告期: /报告期|报告期间|填报期间|时间段/,
};

/** A label as the form shows it, without the marks around it (＊单位：). */
const bareLabel = (label: string) => label.replace(/^[\s*＊]+|[\s:：*＊]+$/g, '');

/** Does the field labelled `label` hold the variable `name`: a known label for it, or the name itself? */
export function labelMatchesVariable(label: string, name: string): boolean {
  const bare = bareLabel(label);
  if (bare === '') return false;
  return VARIABLE_LABELS[name]?.test(bare) === true || bare === name;
}

export function formValues(fields: readonly PanelField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const text = field.text.trim();
    if (!text) continue;
    for (const name of Object.keys(VARIABLE_LABELS)) if (labelMatchesVariable(field.label, name)) values[name] ??= text;
  }
  return values;
}

/** The form's empty single-value field for the variable `name`, if it has one (where the value may also go). */
export function emptyFieldForVariable(fields: readonly PanelField[], name: string): PanelField | undefined {
  return fields.find((field) => field.text.trim() === '' && field.kind !== 'select' && labelMatchesVariable(field.label, name));
}
