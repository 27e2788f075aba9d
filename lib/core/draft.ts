// 一键成稿: a complete first draft from a template, a snippet library and the variables known so far. Every
// required section of the template, in its order, under a heading numbered 一、二、…; under a section with
// topics, one paragraph per topic the paragraphs before it do not cover yet, numbered （一）（二）…; under a
// section without topics, an opening sentence and a body. A paragraph is a snippet filed under the section whose
// text the coverage scanner itself credits for the topic (so the draft's analysis finds what the draft claims),
// else the line of the section's scaffold that it credits. Variables are filled from the values given; what is
// still unknown stays a {{名称}} marker, which the placeholder rule flags as blocking, and a topic that must carry
// a count but whose paragraph has none gets the scaffold's clause with its {{次数}} marker. Pure: no storage.
import { createCoverage, type CoverageEngine, type FigureStatus } from './coverage';
import { topicApplies, unitTypes } from './coverage/units';
import { markerText, matchMarker } from './outline/markers';
import { parseOutline } from './outline/parse';
import { renderSnippet } from './snippets/render';
import type { Section, Template } from './template/schema';

/** What the engine needs of a snippet (lib/storage's Snippet has more). */
export interface DraftSnippet {
  id: string;
  title: string;
  body: string;
  sectionIds: readonly string[];
  useCount?: number;
}

export interface DraftCandidate {
  source: 'snippet' | 'scaffold';
  snippetId?: string;
  /** The snippet's title, or the section's title for scaffold text. */
  title: string;
  /** Variables resolved, without the paragraph's own （一） marker (the draft numbers it). */
  text: string;
  /** Variables left as {{名称}} fill-in markers. */
  missing: string[];
  /** The template topics the scanner credits this text for. */
  topics: string[];
}

export interface DraftSlot {
  /** The topic this paragraph was chosen for; absent for an opening or the body of a section without topics. */
  topicId?: string;
  candidates: DraftCandidate[];
  /** Index into candidates. */
  chosen: number;
}

export interface DraftSection {
  sectionId: string;
  title: string;
  /** 一、主要工作情况 */
  heading: string;
  /** Topic sections number their paragraphs （一）（二）…. */
  numbered: boolean;
  slots: DraftSlot[];
}

export interface Draft {
  templateId: string;
  /** The report's opening paragraph(s), before the first heading. */
  opening?: DraftSlot;
  sections: DraftSection[];
}

export interface DraftInput {
  template: Template;
  snippets: readonly DraftSnippet[];
  /** Variable values: the form's first, then what the site remembers. */
  values?: Readonly<Record<string, string>>;
  now?: Date;
}

/** Section id of opening paragraphs (the starter library files them so). */
export const OPENING_SECTION_ID = 'opening';

const COUNT_MARKER = /\{\{[^{}]{1,40}\}\}/;
/** A fill-in marker standing for a count: {{次数}}次, {{人数}}人. */
const COUNT_FILL_IN = /\{\{[^{}]{1,40}\}\}[次个人场篇条期项]/;

/** The text without a leading outline marker (（一）, 1.) on its first line. */
function stripMarker(text: string): string {
  const m = matchMarker(text, 0, true);
  if (!m || m.kind === 'item') return text;
  return text.slice(m.length).replace(/^[\s\u3000]+/, '');
}

/** The scaffold's body: its lines without the section heading, each without its marker. */
function scaffoldLines(section: Section): string[] {
  const lines = section.scaffold.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length > 1 && matchMarker(lines[0]!, 0, true)?.kind === 'h1') lines.shift();
  return lines.map(stripMarker);
}

interface Credit {
  topics: string[];
  figures: Map<string, FigureStatus | undefined>;
}

/** The topics of `section` the coverage scanner credits `text` with, written as that section alone. */
function credit(engine: CoverageEngine, section: Section, text: string): Credit {
  const probe = `${markerText('h1', 1)}${section.title}\n${text}`;
  const result = engine.compute({ text: probe, parsed: parseOutline(probe) });
  const found = result.coverage.sections.find((s) => s.id === section.id);
  const topics: string[] = [];
  const figures = new Map<string, FigureStatus | undefined>();
  for (const topic of found?.topics ?? []) {
    if (!topic.covered) continue;
    topics.push(topic.id);
    figures.set(topic.id, topic.figures);
  }
  return { topics, figures };
}

/** A clause of the scaffold with a {{…}} count that the scanner credits for `topicId` with a placeholder count. */
function figureClause(engine: CoverageEngine, section: Section, topicId: string): string | undefined {
  for (const line of scaffoldLines(section)) {
    for (const clause of line.split(/[，。；]/)) {
      if (!COUNT_MARKER.test(clause)) continue;
      const c = credit(engine, section, `${clause}。`);
      if (c.topics.includes(topicId)) return clause.trim();
    }
  }
  return undefined;
}

function render(body: string, values: Readonly<Record<string, string>>, now: Date | undefined) {
  return now ? renderSnippet(body, values, now) : renderSnippet(body, values);
}

const byUse = (a: DraftSnippet, b: DraftSnippet) => (b.useCount ?? 0) - (a.useCount ?? 0);

export function buildDraft(input: DraftInput): Draft {
  const { template, values = {}, now } = input;
  const engine = createCoverage(template);
  // The kind of unit, read from its name (党支部, 学校 …): a branch's topics only for a branch, as the checks do.
  const unitName = values['单位名称']?.trim();
  const units = unitTypes(unitName ? [unitName] : []);
  const ordered = [...input.snippets].sort(byUse);
  const filedUnder = (id: string) => ordered.filter((s) => s.sectionIds.includes(id));

  const fromSnippet = (snippet: DraftSnippet, section: Section | undefined): DraftCandidate => {
    const r = render(snippet.body.trim(), values, now);
    const text = stripMarker(r.text);
    return {
      source: 'snippet',
      snippetId: snippet.id,
      title: snippet.title,
      text,
      missing: r.missing,
      topics: section ? credit(engine, section, text).topics : [],
    };
  };

  const openings = filedUnder(OPENING_SECTION_ID).map((s) => fromSnippet(s, undefined));
  const draft: Draft = { templateId: template.id, sections: [] };
  if (openings.length > 0) draft.opening = { candidates: openings, chosen: 0 };

  let number = 0;
  for (const section of template.sections) {
    if (!section.required) continue;
    number += 1;
    const snippets = filedUnder(section.id).map((s) => fromSnippet(s, section));
    const scaffold = scaffoldLines(section).map((line): DraftCandidate => {
      const r = render(line, values, now);
      return { source: 'scaffold', title: section.title, text: r.text, missing: r.missing, topics: credit(engine, section, r.text).topics };
    });
    const topics = section.topics.filter((t) => t.required && topicApplies(t, units));
    const slots: DraftSlot[] = [];
    if (topics.length > 0) {
      const covered = new Set<string>();
      const used = new Set<DraftCandidate>();
      for (const topic of topics) {
        if (covered.has(topic.id)) continue;
        const all = [...snippets, ...scaffold].filter((c) => c.topics.includes(topic.id));
        if (all.length === 0) {
          // Nothing in the library or the scaffold says it: a paragraph to write, led by the topic's title.
          const title = topic.title.replace(/[（(][^）)]{0,40}[）)]$/, '');
          const marker = `${title}情况`;
          const text = `${title}。{{${marker}}}`;
          const fallback: DraftCandidate = { source: 'scaffold', title, text, missing: [marker], topics: credit(engine, section, text).topics };
          for (const id of fallback.topics) covered.add(id);
          slots.push({ topicId: topic.id, candidates: [withFigures(engine, section, fallback, topic.id, topic.figures)], chosen: 0 });
          continue;
        }
        // Unused paragraphs first, and among them the one that covers most of what is still uncovered.
        const gain = (c: DraftCandidate) => c.topics.filter((id) => !covered.has(id)).length;
        const rank = (c: DraftCandidate) => (used.has(c) ? 0 : 1000) + gain(c) * 10 + (c.source === 'snippet' ? 1 : 0);
        const sorted = all.map((c, i) => ({ c, i })).sort((a, b) => rank(b.c) - rank(a.c) || a.i - b.i).map(({ c }) => c);
        used.add(sorted[0]!);
        for (const id of sorted[0]!.topics) covered.add(id);
        const candidates = sorted.map((c) => withFigures(engine, section, c, topic.id, topic.figures));
        slots.push({ topicId: topic.id, candidates, chosen: 0 });
      }
      keepCoverage(slots);
    } else {
      const single = (c: DraftCandidate) => !c.text.includes('\n') && !/一是/.test(c.text);
      const leads = snippets.filter(single);
      const bodies = [...snippets.filter((c) => !single(c)), ...scaffold];
      if (leads.length > 0 && bodies.some((c) => c.source === 'snippet')) slots.push({ candidates: leads, chosen: 0 });
      const rest = bodies.length > 0 ? bodies : scaffold;
      if (rest.length > 0) slots.push({ candidates: rest, chosen: 0 });
    }
    draft.sections.push({
      sectionId: section.id,
      title: section.title,
      heading: `${markerText('h1', number)}${section.title}`,
      numbered: topics.length > 0,
      slots,
    });
  }
  return draft;
}

const keyOf = (c: DraftCandidate) => c.snippetId ?? `scaffold:${c.text}`;

/**
 * 换一段 must not undo the draft: a slot offers only the paragraphs that still cover every topic no other slot
 * covers (its own topic among them), and none that another slot already holds, so any swap keeps the section's
 * topics covered and no paragraph twice.
 */
function keepCoverage(slots: DraftSlot[]): void {
  const chosen = slots.map((slot) => slot.candidates[slot.chosen]!);
  slots.forEach((slot, i) => {
    const others = new Set(chosen.filter((_, j) => j !== i).flatMap((c) => c.topics));
    const duty = new Set(chosen[i]!.topics.filter((id) => !others.has(id)));
    if (slot.topicId) duty.add(slot.topicId);
    const taken = new Set(chosen.filter((_, j) => j !== i).map(keyOf));
    const keep = slot.candidates.filter((c, k) => k === slot.chosen || (!taken.has(keyOf(c)) && [...duty].every((id) => c.topics.includes(id))));
    slot.chosen = keep.indexOf(chosen[i]!);
    slot.candidates = keep;
  });
}

/** For a topic that must carry a count: the candidate with the scaffold's count clause when it has no count. */
function withFigures(engine: CoverageEngine, section: Section, c: DraftCandidate, topicId: string, figures: boolean): DraftCandidate {
  if (!figures) return c;
  const status = credit(engine, section, c.text).figures.get(topicId);
  if (status === 'present' || status === 'placeholder' || COUNT_FILL_IN.test(c.text)) return c;
  const clause = figureClause(engine, section, topicId) ?? `报告期内共{{次数}}次`;
  const text = `${c.text.replace(/[。；;，,\s]+$/, '')}。${clause}。`;
  const missing = [...new Set([...c.missing, ...[...clause.matchAll(/\{\{([^{}]{1,40})\}\}/g)].map((m) => m[1]!)])];
  return { ...c, text, missing };
}

/** The paragraph a slot holds now. */
export const slotText = (slot: DraftSlot): string => slot.candidates[slot.chosen]?.text ?? '';

/** A section's text without its heading: its paragraphs, numbered （一）（二）… when the section has topics. */
export function sectionBody(section: DraftSection): string {
  return section.slots
    .map((slot, i) => (section.numbered ? `${markerText('h2', i + 1)}${slotText(slot)}` : slotText(slot)))
    .filter((text) => text !== '')
    .join('\n');
}

/** The whole draft as one text: opening, then each section's heading and body. */
export function draftText(draft: Draft): string {
  const parts: string[] = [];
  if (draft.opening) parts.push(slotText(draft.opening));
  for (const section of draft.sections) parts.push(section.heading, sectionBody(section));
  return parts.filter((p) => p !== '').join('\n');
}

/** The draft with the slot's next candidate chosen (换一段), cycling; the draft itself is not changed. */
export function swapCandidate(draft: Draft, sectionId: string | null, slotIndex: number): Draft {
  const next = (slot: DraftSlot): DraftSlot => ({ ...slot, chosen: (slot.chosen + 1) % Math.max(1, slot.candidates.length) });
  if (sectionId === null) return draft.opening ? { ...draft, opening: next(draft.opening) } : draft;
  return {
    ...draft,
    sections: draft.sections.map((s) =>
      s.sectionId !== sectionId ? s : { ...s, slots: s.slots.map((slot, i) => (i === slotIndex ? next(slot) : slot)) },
    ),
  };
}

/** Every variable the chosen paragraphs leave as a fill-in marker. */
export function draftMissing(draft: Draft): string[] {
  const slots = [...(draft.opening ? [draft.opening] : []), ...draft.sections.flatMap((s) => s.slots)];
  return [...new Set(slots.flatMap((slot) => slot.candidates[slot.chosen]?.missing ?? []))];
}
