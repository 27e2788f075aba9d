// Several edits to one text, applied as one. The panel inserts a structure suggestion together with the edits
// that renumber the headings after it; a field's editing command applied once is one Ctrl+Z for the user,
// while three commands would be three (and would leave the numbering half-done after the first undo).
import type { Fix } from './types';

/**
 * One replacement that has the effect of all `edits` on `text`: it spans from the first edit's start to the
 * last one's end and carries the text in between as it is. Edits are in `text`'s offsets and must not overlap;
 * an insertion and a replacement at the same offset are taken insertion first. Undefined when there is no
 * edit, an edit lies outside the text or two edits overlap: then nothing should be applied.
 */
export function mergeEdits(text: string, edits: readonly Fix[]): Fix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
  const start = sorted[0]!.start;
  if (!(start >= 0)) return undefined;
  let at = start;
  let out = '';
  for (const edit of sorted) {
    if (!(edit.start >= at && edit.end >= edit.start && edit.end <= text.length)) return undefined;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { start, end: at, text: out };
}

/** `text` with `fix` applied. */
export function applyEdit(text: string, fix: Fix): string {
  return text.slice(0, fix.start) + fix.text + text.slice(fix.end);
}
