// Comparing a draft with what a field holds now. Editors hand text back with small differences that are not
// edits: \r\n from a textarea, non-breaking spaces from contenteditable, a trailing newline after the last
// paragraph, blank lines between <p>s read through innerText. The panel offers a draft only when the texts
// differ beyond those.

export function normaliseDraftText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u200b\ufeff]/g, (ch) => (ch === '\u00a0' ? ' ' : ''))
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}

export function sameDraftText(a: string, b: string): boolean {
  return normaliseDraftText(a) === normaliseDraftText(b);
}

/** The first `max` characters of a draft for a preview line, whitespace runs folded. */
export function draftPreview(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** `/a/b?x#y` and `/a/b` are the same page for drafts: a portal adds tokens to the query after a re-login. */
export function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}
