// Derive from a sample: a pasted sample report becomes a template draft (its outline, sections named as the
// built-in templates name them where they match) and candidate snippets (its paragraphs, tagged by section).
// Pasted duplicates, web cruft and paragraphs with placeholders (xx, __, 召开X次) are left out: a snippet that
// carries "副主任xx" would be inserted into a real report.
import { parseOutline, type OutlineHeading } from '../outline/parse';
import { INLINE_CRUFT_RE } from '../outline/lines';
import { builtinTemplates, parseTemplate, type Section, type Template, type TemplateInput } from '../template';
import { matchSectionTitle } from '../coverage';

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

export interface Derived {
  template: Template;
  snippets: DerivedSnippet[];
  skipped: { duplicates: number; cruft: number; placeholders: number };
}

export interface DeriveOptions {
  /** Template id; 'derived' unless given. Must be lower-case letters, digits and -. */
  id?: string;
  name?: string;
}

// Bounded: each alternative is a capped repetition of single characters.
const PLACEHOLDER_RE = /(?<![A-Za-z])[xX]{2,8}(?![A-Za-z])|[xX×]{1,4}[ \u3000]{0,2}(?:次|人|个|名|篇|条|项)|[_＿]{2,}|\{\{|\.{4,}|…{3,}|□|○○/;

const normalize = (text: string) => text.replace(/[\s\u3000]/g, '');

function sectionScaffold(heading: OutlineHeading): string {
  const lines = [`${heading.marker}${heading.title}`];
  for (const child of heading.children) if (child.kind !== 'item') lines.push(`${child.marker}${child.title}`);
  return lines.join('\n');
}

export function deriveFromSample(text: string, options: DeriveOptions = {}): Derived | { error: string } {
  const parsed = parseOutline(text);
  const skipped = { duplicates: 0, cruft: parsed.cruft.length, placeholders: 0 };

  // Sections: top-level headings, each title once (a restart that repeats a title is a pasted duplicate).
  const seenTitles = new Set<string>();
  const usedIds = new Set<string>();
  const sections: TemplateInput['sections'] = [];
  const sectionOf = new Map<OutlineHeading, { id: string; title: string }>();
  for (const heading of parsed.outline) {
    if (heading.kind === 'item') continue;
    const key = normalize(heading.title);
    if (key === '' || seenTitles.has(key)) continue;
    seenTitles.add(key);
    const known = matchSectionTitleIn(builtinTemplates, heading.title);
    let id = known && !usedIds.has(known.id) ? known.id : `section-${sections.length + 1}`;
    while (usedIds.has(id)) id = `${id}-x`;
    usedIds.add(id);
    const title = heading.title.replace(INLINE_CRUFT_RE, '').trim();
    sections.push({
      id,
      title,
      synonyms: known ? [...new Set([known.title, ...known.synonyms])] : [],
      level: 1,
      required: true,
      topics: [],
      scaffold: sectionScaffold(heading),
    });
    sectionOf.set(heading, { id, title });
  }

  // Snippets: body paragraphs, first copy only, none with placeholders.
  const snippets: DerivedSnippet[] = [];
  const seenBodies = new Set<string>();
  const tops = parsed.outline.filter((h) => h.kind !== 'item');
  let top = 0;
  for (const line of parsed.lines) {
    const info = line.info;
    if (info.cruft || info.title || info.contentStart === info.contentEnd) continue;
    const start = line.start + info.contentStart;
    const end = line.start + info.contentEnd;
    while (top + 1 < tops.length && tops[top + 1]!.start <= start) top++;
    const owner = tops[top] && tops[top]!.start <= start ? tops[top]! : undefined;
    const first = info.marks[0];
    // A heading line with nothing after its title is structure, not a snippet.
    if (first && first.atLineStart && first.standalone && info.marks.length === 1) continue;
    const body = text.slice(start, end).replace(INLINE_CRUFT_RE, '').trim();
    if (body.length < 15) continue;
    const key = normalize(body);
    if (seenBodies.has(key)) {
      skipped.duplicates++;
      continue;
    }
    seenBodies.add(key);
    if (PLACEHOLDER_RE.test(body)) {
      skipped.placeholders++;
      continue;
    }
    const section = owner ? sectionOf.get(owner) : undefined;
    const titled = first && first.atLineStart ? text.slice(line.start + first.titleStart, line.start + first.titleEnd) : body.slice(0, 20);
    snippets.push({
      title: titled.replace(/[，,。；;：:]+$/, ''),
      body,
      sectionId: section?.id ?? 'intro',
      sectionTitle: section?.title ?? '开头',
      start,
      end,
    });
  }

  const firstTitle = parsed.titles[0]?.text.replace(INLINE_CRUFT_RE, '').trim();
  const name = options.name ?? firstTitle ?? '自定义模板';
  if (sections.length === 0) {
    sections.push({ id: 'body', title: '正文', level: 1, required: true, scaffold: name });
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
  return { template: checked.template, snippets, skipped };
}
