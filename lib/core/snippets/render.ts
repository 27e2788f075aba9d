// Fills a snippet's {{变量}} placeholders. Values come, in order, from what the user typed for this insertion,
// from the values remembered for the site, and from the built-in {{今天}}; anything still unknown is
// reported so the panel can ask for it instead of inserting a placeholder into an official report.

const VARIABLE = /\{\{\s*([^{}\s][^{}]{0,40}?)\s*\}\}/g;

export function variablesOf(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]!))];
}

export function formatChineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

export interface RenderResult {
  text: string;
  missing: string[];
}

export function renderSnippet(body: string, values: Readonly<Record<string, string>>, now: Date = new Date()): RenderResult {
  const builtins: Record<string, string> = { 今天: formatChineseDate(now) };
  const missing = new Set<string>();
  const text = body.replace(VARIABLE, (whole, name: string) => {
    const value = values[name] ?? builtins[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
