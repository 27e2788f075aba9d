// Derive from a sample: a pasted sample report becomes a template draft (its outline, sections named as the
// built-in templates name them where they match) and candidate snippets (its paragraphs, tagged by section).
// Pasted duplicates, web cruft and paragraphs with placeholders (xx, __, 召开X次) are left out: a snippet that
// carries "副主任xx" would be inserted into a real report.
//
// Every paragraph is accounted for: the result lists each non-empty line of the sample and where it went (the
// title, a section heading, a sub-heading in a section's scaffold, example text kept as a snippet, or left out
// and why). A paragraph that fits nowhere is listed as unplaced, so the options page can say so instead of
// dropping it silently.
//
// deriveCleanTemplate is what the options page uses: the sample is cleaned first (clean.ts: the engine's fixes
// applied, each change listed) and its unit name and period become {{单位名称}} and {{报告期}} (variables.ts).
import { parseOutline, type OutlineHeading } from '../outline/parse';
import { INLINE_CRUFT_RE } from '../outline/lines';
import { builtinTemplates, parseTemplate, type Section, type Template, type TemplateInput } from '../template';
import { matchSectionTitle } from '../coverage';
import { HEADING_TITLE, SNIPPET_TITLE, phraseTitle } from './titles';
import { cleanSample, type SampleChange, type SampleIssue } from './clean';
import { isDateLine, substituteVariables, unitLineValue, UNIT_VARIABLE, type FoundVariable } from './variables';

export { phraseTitle, SNIPPET_TITLE, HEADING_TITLE, type TitleLimits } from './titles';
export { cleanSample, type CleanedSample, type SampleChange, type SampleIssue } from './clean';
export { substituteVariables, detectUnitNames, UNIT_VARIABLE, PERIOD_VARIABLE, type FoundVariable } from './variables';

function matchSectionTitleIn(templates: readonly Template[], title: string): Section | undefined {
  for (const template of templates) {
    const section = matchSectionTitle(template, title);
    if (section) return section;
  }
  return undefined;
}

export interface DerivedSnippet {
  title: string;
  body: string;
  sectionId: string;
  sectionTitle: string;
  /** Where the paragraph stood in the sample. */
  start: number;
  end: number;
}

/** Where a paragraph of the sample went. */
export type ParagraphPlace =
  /** The report's title line (the template's name). */
  | 'title'
  /** A section heading of the template. */
  | 'section'
  /** A sub-heading, kept in its section's scaffold. */
  | 'topic'
  /** Body text kept as an example (a candidate snippet). */
  | 'example'
  /** The signature, the date, a 报告单位 or 报告期 line: about the report, not part of a template. */
  | 'meta'
  /** Left out: a later copy of an earlier paragraph or section. */
  | 'duplicate'
  /** Left out: web-page cruft. */
  | 'cruft'
  /** Left out: it holds a placeholder (xx, __) that only the writer can fill. */
  | 'placeholder'
  /** Fits nowhere: too short to be an example and not a heading. Reported to the user. */
  | 'unplaced';

export interface DerivedParagraph {
  /** 0-based line of the sample. */
  line: number;
  start: number;
  end: number;
  /** The paragraph's first words, for a list. */
  preview: string;
  place: ParagraphPlace;
  /** The section it belongs to ('intro' before the first heading), for headings, sub-headings and examples. */
  sectionId?: string;
  /** Index into `snippets`, for an example. */
  snippet?: number;
}

/** A section as the user reviews it: its heading and the sub-headings of its scaffold, each editable. */
export interface DerivedOutlineSection {
  id: string;
  /** The heading's marker as written (一、), or '' for the single 正文 section of a text without headings. */
  marker: string;
  title: string;
  topics: Array<{ marker: string; title: string }>;
}

export interface Derived {
  template: Template;
  snippets: DerivedSnippet[];
  skipped: { duplicates: number; cruft: number; placeholders: number };
  /** The template's sections with their sub-headings, in order (what buildEditedTemplate takes back). */
  outline: DerivedOutlineSection[];
  /** Every non-empty line of the sample, in order, with where it went. */
  paragraphs: DerivedParagraph[];
  /** The paragraphs that fit nowhere (place 'unplaced'). */
  unplaced: DerivedParagraph[];
}

export interface DeriveOptions {
  /** Template id; 'derived' unless given. Must be lower-case letters, digits and -. */
  id?: string;
  name?: string;
}

// Bounded: each alternative is a capped repetition of single characters. {{单位名称}} and {{报告期}} are the
// variables a derived template may carry; any other {{ is an unfilled placeholder.
const PLACEHOLDER_RE =
  /(?<![A-Za-z])[xX]{2,8}(?![A-Za-z])|[xX×]{1,4}[ \u3000]{0,2}(?:次|人|个|名|篇|条|项)|[_＿]{2,}|\{\{(?!(?:单位名称|报告期)\}\})|\.{4,}|…{3,}|□|○○/;
/** A line about the report rather than of it. */
const META_LINE_RE = /^(?:报告单位|填报单位|报送单位|单位名称|报告期|报告时间|填报时间|填报期间|填报人|报告人|联系人|联系电话|审核人)[ \u3000]{0,4}[：:]/;
const VARIABLE_RE = /\{\{[^{}]{1,20}\}\}/g;
/** Body paragraphs shorter than this are no useful example (and are reported as unplaced). */
const MIN_EXAMPLE = 15;
const PREVIEW_CHARS = 16;

const normalize = (text: string) => text.replace(/[\s\u3000]/g, '');

const preview = (text: string) => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);

/** A section's scaffold: its heading, then its sub-headings, one a line. */
export function scaffoldOf(section: DerivedOutlineSection): string {
  return [`${section.marker}${section.title}`, ...section.topics.map((t) => `${t.marker}${t.title}`)].join('\n');
}

/** The signature (a unit's name or {{单位名称}}, perhaps with （盖章）) next to the closing date. */
function isSignature(line: string, neighbours: readonly string[]): boolean {
  if (line.length > 40 || !neighbours.some((n) => isDateLine(n))) return false;
  const bare = line.replace(/[（(]\s{0,2}(?:盖章|公章|章)\s{0,2}[）)]$/, '').trim();
  return bare === `{{${UNIT_VARIABLE}}}` || unitLineValue(`单位：${bare}`) !== undefined;
}

export function deriveFromSample(text: string, options: DeriveOptions = {}): Derived | { error: string } {
  const parsed = parseOutline(text);
  const skipped = { duplicates: 0, cruft: parsed.cruft.length, placeholders: 0 };

  // Sections: top-level headings, each title once (a restart that repeats a title is a pasted duplicate).
  const seenTitles = new Set<string>();
  const usedIds = new Set<string>();
  const sections: TemplateInput['sections'] = [];
  const outline: DerivedOutlineSection[] = [];
  const sectionOf = new Map<OutlineHeading, { id: string; title: string }>();
  // A repeated heading (the second pasted copy) is left out, and what follows it belongs to the first one.
  const repeats = new Set<OutlineHeading>();
  const byKey = new Map<string, { id: string; title: string }>();
  for (const heading of parsed.outline) {
    if (heading.kind === 'item') continue;
    const key = normalize(heading.title);
    if (key === '') continue;
    if (seenTitles.has(key)) {
      repeats.add(heading);
      const first = byKey.get(key);
      if (first) sectionOf.set(heading, first);
      continue;
    }
    seenTitles.add(key);
    const known = matchSectionTitleIn(builtinTemplates, heading.title);
    let id = known && !usedIds.has(known.id) ? known.id : `section-${sections.length + 1}`;
    while (usedIds.has(id)) id = `${id}-x`;
    usedIds.add(id);
    const title = phraseTitle(heading.title.replace(INLINE_CRUFT_RE, ''), HEADING_TITLE);
    const entry: DerivedOutlineSection = {
      id,
      marker: heading.marker,
      title,
      topics: heading.children
        .filter((child) => child.kind !== 'item')
        .map((child) => ({ marker: child.marker, title: phraseTitle(child.title.replace(INLINE_CRUFT_RE, ''), HEADING_TITLE) }))
        .filter((topic) => topic.title !== ''),
    };
    outline.push(entry);
    sections.push({
      id,
      title,
      synonyms: known ? [...new Set([known.title, ...known.synonyms])] : [],
      level: 1,
      required: true,
      topics: [],
      scaffold: scaffoldOf(entry),
    });
    sectionOf.set(heading, { id, title });
    byKey.set(key, { id, title });
  }

  // Each non-empty line, in order: where it goes. Body paragraphs become snippets (first copy only, none with
  // placeholders).
  const snippets: DerivedSnippet[] = [];
  const paragraphs: DerivedParagraph[] = [];
  const seenBodies = new Set<string>();
  const tops = parsed.outline.filter((h) => h.kind !== 'item');
  const headingAt = new Map<number, OutlineHeading>();
  for (const heading of parsed.headings) if (!headingAt.has(heading.line)) headingAt.set(heading.line, heading);
  const contents = parsed.lines.map((line) => text.slice(line.start + line.info.contentStart, line.start + line.info.contentEnd).trim());
  const neighbours = (li: number) => {
    const out: string[] = [];
    for (let j = li - 1; j >= 0; j--) if (contents[j] !== '') { out.push(contents[j]!); break; }
    for (let j = li + 1; j < contents.length; j++) if (contents[j] !== '') { out.push(contents[j]!); break; }
    return out;
  };
  let top = 0;
  for (const [li, line] of parsed.lines.entries()) {
    const info = line.info;
    const content = contents[li]!;
    if (content === '') continue;
    const start = line.start + info.contentStart;
    const end = line.start + info.contentEnd;
    while (top + 1 < tops.length && tops[top + 1]!.start <= start) top++;
    const owner = tops[top] && tops[top]!.start <= start ? tops[top]! : undefined;
    const section = owner ? sectionOf.get(owner) : undefined;
    const place = (where: ParagraphPlace, extra: Partial<DerivedParagraph> = {}) =>
      paragraphs.push({ line: li, start, end, preview: preview(content.replace(INLINE_CRUFT_RE, '').trim() || content), place: where, ...extra });
    if (info.cruft) {
      place('cruft');
      continue;
    }
    if (info.title) {
      place('title');
      continue;
    }
    const first = info.marks[0];
    const heading = first?.atLineStart ? headingAt.get(li) : undefined;
    // A heading line with nothing after its title is structure, not a snippet.
    if (heading && first!.standalone && info.marks.length === 1) {
      if (heading === owner) {
        place(repeats.has(owner) || !section ? 'duplicate' : 'section', section ? { sectionId: section.id } : {});
        continue;
      }
      if (owner && owner.children.includes(heading) && heading.kind !== 'item') {
        place(repeats.has(owner) || !section ? 'duplicate' : 'topic', section ? { sectionId: section.id } : {});
        continue;
      }
    }
    const body = content.replace(INLINE_CRUFT_RE, '').trim();
    if (body.length < MIN_EXAMPLE) {
      const meta = META_LINE_RE.test(body) || isDateLine(body) || isSignature(body, neighbours(li));
      place(meta ? 'meta' : 'unplaced', section ? { sectionId: section.id } : {});
      continue;
    }
    const key = normalize(body);
    if (seenBodies.has(key)) {
      skipped.duplicates++;
      place('duplicate');
      continue;
    }
    seenBodies.add(key);
    if (PLACEHOLDER_RE.test(body)) {
      skipped.placeholders++;
      place('placeholder', section ? { sectionId: section.id } : {});
      continue;
    }
    const titled = first && first.atLineStart ? phraseTitle(text.slice(line.start + first.titleStart, line.start + first.titleEnd), HEADING_TITLE) : '';
    place('example', { sectionId: section?.id ?? 'intro', snippet: snippets.length });
    snippets.push({
      title: titled || phraseTitle(body, SNIPPET_TITLE),
      body,
      sectionId: section?.id ?? 'intro',
      sectionTitle: section?.title ?? '开头',
      start,
      end,
    });
  }

  // The name: the title line, without site cruft or variables (关于{{报告期}}学校… names no period).
  const firstTitle = parsed.titles[0]?.text.replace(INLINE_CRUFT_RE, '').replace(VARIABLE_RE, '').trim();
  const name = options.name ?? (firstTitle || undefined) ?? '自定义模板';
  if (sections.length === 0) {
    sections.push({ id: 'body', title: '正文', level: 1, required: true, scaffold: name });
    outline.push({ id: 'body', marker: '', title: '正文', topics: [] });
  }
  const draft: TemplateInput = {
    schemaVersion: 1,
    id: options.id ?? 'derived',
    version: 1,
    name,
    kinds: [name],
    variant: 'derived',
    sections,
  };
  const checked = parseTemplate(draft);
  if (!checked.ok) return { error: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { template: checked.template, snippets, skipped, outline, paragraphs, unplaced: paragraphs.filter((p) => p.place === 'unplaced') };
}

export interface CleanDerived extends Derived {
  /** The text the template and snippets were made from: the sample cleaned, with its variables. */
  text: string;
  /** The engine's fixes applied to the sample, grouped (原文 → 改为, count). */
  changes: SampleChange[];
  /** Fixes applied in all. */
  applied: number;
  /** Blocking findings no fix is right for (placeholders, mojibake): the writer must see to them. */
  unfixed: SampleIssue[];
  /** Unit names and periods replaced by {{单位名称}} and {{报告期}}. */
  variables: FoundVariable[];
}

/** The options page's derive: clean the sample, turn its unit name and period into variables, then derive. */
export function deriveCleanTemplate(text: string, options: DeriveOptions = {}): CleanDerived | { error: string } {
  const cleaned = cleanSample(text);
  const { text: withVariables, variables } = substituteVariables(cleaned.text);
  const derived = deriveFromSample(withVariables, options);
  if ('error' in derived) return derived;
  return { ...derived, text: withVariables, changes: cleaned.changes, applied: cleaned.applied, unfixed: cleaned.unfixed, variables };
}

/**
 * The template with the user's edited titles: section titles, sub-headings (rebuilt into each scaffold) and
 * name. `outline` must list the derived template's sections in order (the review edits titles, not the set of
 * sections). Validated again by the template schema; an empty title is an error naming its place.
 */
export function buildEditedTemplate(
  derived: Pick<Derived, 'template'>,
  outline: readonly DerivedOutlineSection[],
  name: string,
): { template: Template } | { error: string } {
  const trimmedName = name.trim();
  const sections = derived.template.sections.map((section, i) => {
    const edited = outline[i];
    if (!edited || edited.id !== section.id) return section;
    const title = edited.title.trim();
    const topics = edited.topics.map((topic) => ({ marker: topic.marker, title: topic.title.trim() })).filter((t) => t.title !== '');
    // The single 正文 section of a text without headings has no heading line to rebuild.
    const scaffold = edited.marker === '' ? section.scaffold : scaffoldOf({ ...edited, title, topics });
    return { ...section, title, scaffold };
  });
  const checked = parseTemplate({ ...derived.template, name: trimmedName, kinds: [trimmedName], sections });
  if (!checked.ok) return { error: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { template: checked.template };
}
