// 拆分到各栏: a report pasted whole into one field (主要工作情况) often carries sections that the form asks for in
// fields of their own (四、存在的不足 → 存在的问题, 五、下一步工作打算 → 下一步工作打算). This computes, without
// touching anything, how to move them: each such top-level section's body (its heading line dropped, since the
// target field's label already names it) appended to its field, and the source field without those sections,
// its later top-level headings renumbered to close the gap (六、 → 四、). Pure: the panel shows the plan as a
// preview and applies it through the page bridge.
import { matchSectionTitle } from './coverage';
import { mergeEdits, applyEdit } from './edits';
import { markerNumberEdit } from './outline/markers';
import { parseOutline, type OutlineHeading } from './outline/parse';
import type { Template } from './template';
import type { Fix } from './types';

export interface SplitField {
  key: string;
  label: string;
  text: string;
  /** The template section the field stands for (the user's mapping, else its label), if any. */
  sectionId?: string;
}

export interface SplitMove {
  sectionId: string;
  /** The heading line as written in the source (四、存在的不足), which does not go along. */
  heading: string;
  /** The section in the source: from its heading to the next top-level heading (or the end). */
  start: number;
  end: number;
  /** What goes to the target: the section's body without its heading, trimmed. */
  text: string;
  targetKey: string;
  targetLabel: string;
  /** The target already holds exactly this text: nothing is appended, the section only leaves the source. */
  already: boolean;
}

export interface SplitTarget {
  key: string;
  label: string;
  /** The field's text as the plan read it; the plan holds only while the field still holds it. */
  text: string;
  /** The insertion at the field's end (after a line break when it has text). */
  edit: Fix;
  after: string;
  /** The field had text of its own: the moved text is appended, not a replacement. */
  appended: boolean;
}

export interface SplitPlan {
  sourceKey: string;
  sourceLabel: string;
  /** The source's text as the plan read it. */
  sourceText: string;
  moves: SplitMove[];
  /** The moved sections removed and the later headings renumbered, as one replacement. */
  sourceEdit: Fix;
  sourceAfter: string;
  /** Kept headings whose number changes: the marker as written, and as it becomes. */
  renumbered: Array<{ from: string; to: string }>;
  /** The fields that receive text (a move whose text is already there adds nothing). */
  targets: SplitTarget[];
}

/** Punctuation that may stand between a heading run into its text and that text (四、存在的不足：一是…). */
const LEAD = /^[\s：:。．.，,、；;]+/;

/** The body of a section whose heading starts at `heading.start`, ending at `end`, without the heading. */
function bodyOf(text: string, heading: OutlineHeading, end: number): string {
  if (heading.standalone) {
    const lineEnd = text.indexOf('\n', heading.start);
    return lineEnd < 0 || lineEnd >= end ? '' : text.slice(lineEnd + 1, end).trim();
  }
  return text.slice(Math.min(heading.end, end), end).replace(LEAD, '').trim();
}

/** The moves out of one field, and the edit that leaves the rest; undefined when nothing in it has a field elsewhere. */
function planField(source: SplitField, fields: readonly SplitField[], template: Template): SplitPlan | undefined {
  const text = source.text;
  if (text.trim() === '') return undefined;
  const top = parseOutline(text).outline;
  if (top.length === 0) return undefined;
  const moves: SplitMove[] = [];
  const removals: Fix[] = [];
  const removed = new Set<OutlineHeading>();
  for (let i = 0; i < top.length; i++) {
    const heading = top[i]!;
    const section = matchSectionTitle(template, heading.title);
    if (!section || section.id === source.sectionId) continue;
    const target = fields.find((field) => field.key !== source.key && field.sectionId === section.id);
    if (!target) continue;
    const next = top[i + 1];
    const end = next ? next.start : text.length;
    const body = bodyOf(text, heading, end);
    // A heading with nothing under it moves nothing: leave it where the user can see it.
    if (body === '') continue;
    const lineEnd = text.indexOf('\n', heading.start);
    moves.push({
      sectionId: section.id,
      heading: text.slice(heading.start, lineEnd < 0 ? text.length : lineEnd).trim(),
      start: heading.start,
      end,
      text: body,
      targetKey: target.key,
      targetLabel: target.label,
      already: target.text.includes(body),
    });
    removed.add(heading);
  }
  if (moves.length === 0) return undefined;
  // Adjacent sections go as one removal; one that reaches the end takes the line breaks before it along, so
  // that the source does not end on an empty line.
  for (const move of moves) {
    const last = removals[removals.length - 1];
    if (last && last.end === move.start) last.end = move.end;
    else removals.push({ start: move.start, end: move.end, text: '' });
  }
  const tail = removals[removals.length - 1]!;
  if (tail.end === text.length) while (tail.start > 0 && /\s/.test(text[tail.start - 1]!)) tail.start--;

  // Kept top-level headings after the first moved one close the gap: each goes down by the number of moved
  // headings of its kind before it (a gap or a restart in the numbering stays as it was).
  const renumber: Fix[] = [];
  const renumbered: Array<{ from: string; to: string }> = [];
  const gone = new Map<string, number>();
  for (const heading of top) {
    if (removed.has(heading)) {
      gone.set(heading.kind, (gone.get(heading.kind) ?? 0) + 1);
      continue;
    }
    const shift = gone.get(heading.kind) ?? 0;
    if (shift === 0 || heading.value - shift < 1) continue;
    const edit = markerNumberEdit(heading.marker, heading.kind, heading.value - shift);
    if (!edit) continue;
    renumber.push({ start: heading.start + edit.start, end: heading.start + edit.end, text: edit.text });
    renumbered.push({ from: heading.marker, to: applyEdit(heading.marker, edit) });
  }
  const sourceEdit = mergeEdits(text, [...removals, ...renumber]);
  if (!sourceEdit) return undefined;

  const targets: SplitTarget[] = [];
  for (const move of moves) {
    if (move.already) continue;
    let target = targets.find((candidate) => candidate.key === move.targetKey);
    if (!target) {
      const field = fields.find((candidate) => candidate.key === move.targetKey)!;
      const kept = field.text.replace(/\s+$/, '');
      const appended = kept !== '';
      target = {
        key: field.key,
        label: field.label,
        text: field.text,
        // At the end of the field's last text (trailing blank lines stay after the moved text).
        edit: { start: kept.length, end: kept.length, text: '' },
        after: field.text,
        appended,
      };
      targets.push(target);
    }
    const joiner = target.edit.text !== '' || target.appended ? '\n' : '';
    target.edit = { ...target.edit, text: target.edit.text + joiner + move.text };
    target.after = applyEdit(target.text, target.edit);
  }
  return {
    sourceKey: source.key,
    sourceLabel: source.label,
    sourceText: text,
    moves,
    sourceEdit,
    sourceAfter: applyEdit(text, sourceEdit),
    renumbered,
    targets,
  };
}

/**
 * For every field holding top-level sections that another field of the form stands for, the plan that moves
 * them there. A section is matched to a template section by its heading's title (synonyms included: 存在的不足
 * is 存在的问题), and to the field mapped to that section; a field's own section stays.
 */
export function planSplits(fields: readonly SplitField[], template: Template | undefined): SplitPlan[] {
  if (!template) return [];
  if (!fields.some((field) => field.sectionId !== undefined)) return [];
  const plans: SplitPlan[] = [];
  for (const field of fields) {
    const plan = planField(field, fields, template);
    if (plan) plans.push(plan);
  }
  return plans;
}
