// Coverage: the parsed outline matched to a template. Each section is found, missing or out of order; each
// topic covered or not, with the evidence's range; figures present where the template asks for them. Missing
// sections become structure suggestions: the scaffold, numbered to fit, the offset to insert it at, and the edits
// that renumber the headings after it which it would otherwise repeat.
import type { Finding, Fix } from '../types';
import { spanAt, type FieldSpan } from '../document';
import { mergeEdits } from '../edits';
import type { OutlineHeading, ParsedOutline, TextRange } from '../outline/parse';
import { KIND_RANK, markerNumberEdit, matchMarker, type MarkerKind } from '../outline/markers';
import type { Section, Template, UnitType } from '../template/schema';
import { createScanner, ROLE_CUE, ROLE_WORD, type Scanner, type Token } from './scan';
import { topicApplies, unitTypes } from './units';

export type FigureStatus = 'present' | 'placeholder' | 'vague' | 'missing';

export interface TopicCoverage {
  id: string;
  title: string;
  required: boolean;
  covered: boolean;
  /** Where the first keyword of the topic was found. */
  evidence?: TextRange;
  /** Only for topics that must carry a count. */
  figures?: FigureStatus;
}

export type SectionStatus = 'found' | 'missing' | 'out-of-order' | 'empty';

export interface SectionCoverage {
  id: string;
  title: string;
  required: boolean;
  status: SectionStatus;
  /** The heading that opens it, as written; absent when the section is implicit (its content has no title). */
  heading?: { start: number; end: number; title: string };
  /** The field that holds it, when the report is split over fields. */
  fieldKey?: string;
  /** The text the section spans. */
  start?: number;
  end?: number;
  topics: TopicCoverage[];
}

export interface StructureSuggestion {
  sectionId: string;
  sectionTitle: string;
  /** i18n id of the reason, with its params. */
  reason: { messageId: string; params: Record<string, string | number> };
  /** The scaffold as the template holds it, renumbered to fit. */
  scaffold: string;
  /**
   * Offset in the analysed text at which to insert `text`. Several suggestions may share an offset; applied
   * from the last to the first (as any batch of edits), they land in template order.
   */
  offset: number;
  /** What to insert there: the scaffold with the line breaks it needs around it. */
  text: string;
  fieldKey?: string;
  /**
   * Edits that renumber the headings after `offset` which the inserted heading would otherwise repeat: the run
   * of same-level headings of the same marker family (一、 / （一） / 1. …) whose numbers follow on from the one
   * before `offset`, up to the first that does not, in the same field and report (三、→四、, 四、→五、).
   * Offsets are in the coordinates of `offset`, into the text as analysed (not as it is after the insertion).
   * Each suggestion's edits are meant to go with its own insertion alone, as one edit (lib/core/edits.ts
   * mergeEdits); after that, analyse again. Absent when nothing needs renumbering.
   */
  renumber?: Fix[];
}

export interface Coverage {
  templateId: string;
  /**
   * The kinds of unit the report was read as written for (党支部, school …), which leave out topics that do not
   * apply to them (a 党支部 has no 中心组). Empty when the report does not say for sure.
   */
  units: UnitType[];
  templateVersion: number;
  templateName: string;
  sections: SectionCoverage[];
  /** Every required section is there. */
  complete: boolean;
  topicsCovered: number;
  topicsTotal: number;
}

export interface CoverageResult {
  coverage: Coverage;
  suggestions: StructureSuggestion[];
  findings: Finding[];
}

export interface CoverageInput {
  text: string;
  parsed: ParsedOutline;
  /** Form fields of a split report, with the section each one holds. */
  fields?: ReadonlyArray<FieldSpan & { sectionId?: string; label?: string }>;
}

const CATEGORY = 'coverage';

const normalize = (title: string) => title.replace(/[\s\u3000，,、。：:；;“”"'‘’（）()《》!！?？]/g, '');

/** Each section with its title and synonyms normalised, once per template (templates are immutable data). */
const namesByTemplate = new WeakMap<Template, Array<{ section: Section; names: string[] }>>();

function sectionNames(template: Template): Array<{ section: Section; names: string[] }> {
  let names = namesByTemplate.get(template);
  if (!names) {
    names = template.sections.map((section) => ({ section, names: [section.title, ...section.synonyms].map(normalize) }));
    namesByTemplate.set(template, names);
  }
  return names;
}

/** The section a heading title names, by synonyms (longest match wins), then by title keywords. */
export function matchSectionTitle(template: Template, title: string): Section | undefined {
  const t = normalize(title);
  if (t === '') return undefined;
  let best: Section | undefined;
  let bestLength = 0;
  for (const { section, names } of sectionNames(template)) {
    for (const s of names) {
      if (s.length > bestLength && t.includes(s)) {
        best = section;
        bestLength = s.length;
      }
    }
  }
  if (best) return best;
  if (t.length > 14) return undefined;
  return template.sections.find((section) => section.titleKeywords.some((k) => t.includes(k)));
}

interface Candidate {
  start: number;
  end: number;
  title: string;
  section?: Section;
  heading?: OutlineHeading;
}

/** Where a new heading goes: at `offset`, of `kind`, carrying `value`; its run stays within [start, end). */
export interface InsertedHeading {
  offset: number;
  kind: MarkerKind;
  value: number;
  /** The field (of a split report) the heading goes into; the whole text by default. */
  start?: number;
  end?: number;
}

/**
 * The edits that keep the numbering right when a heading is inserted: the same-level headings of the same kind
 * after `offset` whose numbers collide with it (from the one after the previous sibling up to the inserted
 * number) move up, and so does each that follows in sequence; the first that does not (a gap, a restart, a
 * pasted duplicate) ends the run, as does a heading of a higher level, a new report's title or the field's end.
 * Headings nested deeper (（一） under 一、) are left as they are.
 */
export function renumberingEdits(parsed: ParsedOutline, inserted: InsertedHeading): Fix[] {
  const { offset, kind, value } = inserted;
  if (kind === 'item') return [];
  let from = inserted.start ?? 0;
  let to = inserted.end ?? Number.POSITIVE_INFINITY;
  // A title line starts a new report, whose numbering starts afresh.
  for (const title of parsed.titles) {
    if (title.start < offset) from = Math.max(from, title.end);
    else {
      to = Math.min(to, title.start);
      break;
    }
  }
  const rank = KIND_RANK[kind];
  const headings = parsed.headings;
  let first = 0;
  while (first < headings.length && headings[first]!.start < offset) first++;

  // The number the first heading after `offset` carries when it follows on from its previous sibling.
  let base = 1;
  for (let j = first - 1; j >= 0; j--) {
    const h = headings[j]!;
    if (h.start < from) break;
    if (h.kind === 'item' || KIND_RANK[h.kind] > rank) continue;
    if (h.kind === kind) base = h.value + 1;
    break;
  }

  const edits: Fix[] = [];
  let shift = 0;
  let expected = -1;
  for (let j = first; j < headings.length; j++) {
    const h = headings[j]!;
    if (h.start >= to) break;
    if (h.kind === 'item' || KIND_RANK[h.kind] > rank) continue;
    if (h.kind !== kind) break;
    if (expected < 0) {
      // No collision (the numbering already leaves room, or restarts): nothing to renumber.
      if (h.value < base || h.value > value) break;
      shift = value + 1 - h.value;
    } else if (h.value !== expected) break;
    const edit = markerNumberEdit(h.marker, kind, h.value + shift);
    if (!edit) break;
    edits.push({ start: h.start + edit.start, end: h.start + edit.end, text: edit.text });
    expected = h.value + 1;
  }
  return edits;
}

export interface CoverageEngine {
  template: Template;
  compute(input: CoverageInput): CoverageResult;
}

export function createCoverage(template: Template): CoverageEngine {
  const scanner = createScanner(template);
  return { template, compute: (input) => compute(template, scanner, input) };
}

function lineIndexAt(parsed: ParsedOutline, offset: number): number {
  const lines = parsed.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** End of the last line in [start, end) that holds report text (not blank, not web cruft). */
function contentEndIn(parsed: ParsedOutline, start: number, end: number): number {
  for (let i = lineIndexAt(parsed, Math.max(start, end - 1)); i >= 0; i--) {
    const line = parsed.lines[i]!;
    if (line.start + line.info.contentEnd <= start && line.start < start) return start;
    if (line.info.cruft || line.info.contentStart === line.info.contentEnd) continue;
    return Math.min(end, Math.max(start, line.start + line.info.contentEnd));
  }
  return start;
}

function compute(template: Template, scanner: Scanner, input: CoverageInput): CoverageResult {
  const { text, parsed } = input;
  const findings: Finding[] = [];
  const sections = template.sections;

  // Where the report starts: after a leading title line, if any.
  const firstTitle = parsed.titles[0];
  const docStart = firstTitle && firstTitle.start < 400 ? Math.min(text.length, firstTitle.end + (text[firstTitle.end] === '\r' ? 2 : 1)) : 0;

  // 1. Candidate section titles: top-level headings and short unnumbered lines that name a section. A title is
  // matched once per analysis: a form of thousands of headings repeats a few titles over and over.
  const matched = new Map<string, Section | undefined>();
  const sectionOf = (title: string) => {
    if (matched.has(title)) return matched.get(title);
    const section = matchSectionTitle(template, title);
    matched.set(title, section);
    return section;
  };
  const candidates: Candidate[] = [];
  for (const heading of parsed.outline) {
    if (heading.kind === 'item') continue;
    candidates.push({ start: heading.start, end: heading.end, title: heading.title, section: sectionOf(heading.title), heading });
  }
  const short = new Map<string, boolean>();
  for (const plain of parsed.plainLines) {
    const section = sectionOf(plain.text);
    if (!section) continue;
    let isShort = short.get(plain.text);
    if (isShort === undefined) short.set(plain.text, (isShort = normalize(plain.text).length <= 14));
    if (isShort) candidates.push({ start: plain.start, end: plain.end, title: plain.text, section });
  }
  candidates.sort((a, b) => a.start - b.start);

  // 2. Ranges: a field mapped to the section wins; else the first heading that names it.
  const ranges = new Map<string, { start: number; end: number; heading?: Candidate; fieldKey?: string }>();
  for (const field of input.fields ?? []) {
    if (field.sectionId && !ranges.has(field.sectionId) && sections.some((s) => s.id === field.sectionId)) {
      ranges.set(field.sectionId, { start: field.start, end: field.end, fieldKey: field.key });
    }
  }
  const firstOf = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (c.section && !firstOf.has(c.section.id)) firstOf.set(c.section.id, i);
  });
  for (const [id, i] of firstOf) {
    if (ranges.has(id)) continue;
    const c = candidates[i]!;
    const absorbs = c.section!.absorbsUnmatched;
    let end = text.length;
    for (let j = i + 1; j < candidates.length; j++) {
      const next = candidates[j]!;
      if (absorbs ? next.section && next.section.id !== id : true) {
        end = next.start;
        break;
      }
    }
    // A later title line starts another report.
    for (const title of parsed.titles) if (title.start > c.start && title.start < end) end = title.start;
    ranges.set(id, { start: c.start, end, heading: c });
  }
  // A section that absorbs unmatched headings and has no title of its own is the text before the next section.
  for (const section of sections) {
    if (!section.absorbsUnmatched || ranges.has(section.id)) continue;
    let end = text.length;
    for (const r of ranges.values()) if (r.start >= docStart && r.start < end) end = r.start;
    if (contentEndIn(parsed, docStart, end) > docStart) ranges.set(section.id, { start: docStart, end });
  }

  // 3. Topics, from the tokens of the lines inside each range. Lines outside every section with topics (a
  // second pasted copy of the report, say) are only searched for count placeholders, which are wrong anywhere.
  const inRange = new Uint8Array(parsed.lines.length);
  for (const section of sections) {
    const range = ranges.get(section.id);
    if (!range || section.topics.length === 0) continue;
    for (let li = lineIndexAt(parsed, range.start); li < parsed.lines.length && parsed.lines[li]!.start < range.end; li++) inRange[li] = 1;
  }
  const tokensByLine: Token[][] = parsed.lines.map((line, li) => (inRange[li] ? scanner.scan(line.text, line.info) : scanner.placeholders(line.text)));
  scanner.sweep();
  const units = unitTypes(unitPlaces(parsed, docStart));
  const cueSeen = new Int32Array(scanner.groups).fill(-1);
  let sentenceKey = 0;
  const result: SectionCoverage[] = [];
  let topicsCovered = 0;
  let topicsTotal = 0;
  // The form wins over the template: a section that has its own field is called by the field's label in every
  // message and in the 结构 tab (the template's 下半年工作打算 is the form's 下一步工作打算).
  const fieldLabels = new Map<string, string>();
  for (const field of input.fields ?? []) {
    const label = field.label?.trim();
    if (field.sectionId && label && !fieldLabels.has(field.sectionId)) fieldLabels.set(field.sectionId, label);
  }
  const titleOf = (section: { id: string; title: string }) => fieldLabels.get(section.id) ?? section.title;
  sections.forEach((section, s) => {
    const range = ranges.get(section.id);
    const entry: SectionCoverage = { id: section.id, title: titleOf(section), required: section.required, status: range ? 'found' : 'missing', topics: [] };
    if (range) {
      entry.start = range.start;
      entry.end = range.end;
      if (range.heading) entry.heading = { start: range.heading.start, end: range.heading.end, title: range.heading.title };
      if (range.fieldKey) entry.fieldKey = range.fieldKey;
      // Written only with real content: a heading alone, or a scaffold whose {{…}} blanks are still there,
      // is not a written section (issue: 插入参考框架 made a section count as ✓ while still blank).
      if (!hasRealContent(text, range.heading ? range.heading.end : range.start, range.end)) entry.status = 'empty';
    }
    const applies = section.topics.map((topic) => topicApplies(topic, units));
    const topics: TopicCoverage[] = section.topics.map((topic) => ({ id: topic.id, title: topic.title, required: topic.required, covered: false }));
    if (range && section.topics.length > 0) {
      // A topic that needs figures takes the best figure status of the sentences that name it. Sentences lie
      // within a line, so each line is read twice: its figures by sentence, then its keywords. (A set of every
      // sentence per topic, keyed across the whole text, was most of the cost on a text of thousands of lines.)
      const rank: Record<FigureStatus, number> = { missing: 0, vague: 1, placeholder: 2, present: 3 };
      const statuses: FigureStatus[] = ['missing', 'vague', 'placeholder', 'present'];
      const best = new Int8Array(section.topics.length).fill(-1);
      // Scratch lists, reset by hand: setting a list's length to 0 frees its storage, and the next write
      // allocated it again, per line and per sentence.
      const bySentence: number[] = [];
      let sentencesUsed = 0;
      const keywords: Token[] = [];
      for (let li = lineIndexAt(parsed, range.start); li < parsed.lines.length; li++) {
        const line = parsed.lines[li]!;
        if (line.start >= range.end) break;
        const tokens = tokensByLine[li]!;
        for (let k = 0; k < sentencesUsed; k++) bySentence[k] = 0;
        sentencesUsed = 0;
        // Indexed loops here: this callback runs once per section, too few times to be optimised, and a
        // for…of allocated an iterator and a result per step over every line's tokens.
        for (let k = 0; k < tokens.length; k++) {
          const token = tokens[k]!;
          if (token.kind === 'keyword') continue;
          const at = line.start + token.start;
          if (at < range.start || at >= range.end) continue;
          const status = rank[token.kind === 'count' ? 'present' : token.kind];
          if (status > (bySentence[token.sentence] ?? 0)) {
            bySentence[token.sentence] = status;
            if (token.sentence >= sentencesUsed) sentencesUsed = token.sentence + 1;
          }
        }
        // Then sentence by sentence (tokens come in order): first the companion words it holds, then what its
        // words and keywords credit. Each sentence of the analysis has its own stamp, so a companion seen in
        // one sentence never stands in for one in another.
        for (let a = 0; a < tokens.length; ) {
          const sentence = tokens[a]!.sentence;
          let b = a;
          while (b < tokens.length && tokens[b]!.sentence === sentence) b++;
          const stamp = ++sentenceKey;
          // The sentence's keywords inside the section, read by both passes below.
          let found = 0;
          for (let k = a; k < b; k++) {
            const token = tokens[k]!;
            if (token.kind !== 'keyword') continue;
            const at = line.start + token.start;
            if (at >= range.start && at < range.end) keywords[found++] = token;
          }
          for (let k = 0; k < found; k++) {
            const owners = scanner.owners[keywords[k]!.index]!;
            for (let o = 0; o < owners.length; o++) {
              const owner = owners[o]!;
              if (owner.role === ROLE_CUE && owner.section === s) cueSeen[owner.group] = stamp;
            }
          }
          for (let k = 0; k < found; k++) {
            const token = keywords[k]!;
            const at = line.start + token.start;
            const owners = scanner.owners[token.index]!;
            for (let o = 0; o < owners.length; o++) {
              const owner = owners[o]!;
              if (owner.section !== s || owner.role === ROLE_CUE || !applies[owner.topic]) continue;
              if (owner.role === ROLE_WORD && cueSeen[owner.group] !== stamp) continue;
              const ot = owner.topic;
              const topic = topics[ot]!;
              if (!topic.covered) {
                topic.covered = true;
                topic.evidence = { start: at, end: line.start + token.end, text: text.slice(at, line.start + token.end) };
              }
              if (section.topics[ot]!.figures) best[ot] = Math.max(best[ot]!, bySentence[sentence] ?? 0);
            }
          }
          a = b;
        }
      }
      section.topics.forEach((topic, t) => {
        if (topic.figures) topics[t]!.figures = statuses[Math.max(0, best[t]!)]!;
      });
    }
    // Topics that do not apply to the unit are left out altogether (not shown as missing, nor counted).
    entry.topics = topics.filter((_, t) => applies[t]);
    for (const topic of entry.topics) {
      topicsTotal++;
      if (topic.covered) topicsCovered++;
    }
    result.push(entry);
  });

  // 4. Order: a section found before one the template puts ahead of it.
  let latest = -1;
  let latestTitle = '';
  for (const entry of result) {
    if (entry.status === 'missing' || entry.start === undefined || entry.fieldKey) continue;
    if (entry.start < latest) {
      entry.status = 'out-of-order';
      const at = entry.heading ?? { start: entry.start, end: entry.start };
      findings.push({
        ruleId: 'coverage-section-order',
        category: CATEGORY,
        severity: 'warning',
        start: at.start,
        end: at.end,
        messageId: 'coverage.sectionOrder',
        params: { section: entry.title, before: latestTitle },
      });
    } else {
      latest = entry.start;
      latestTitle = entry.title;
    }
  }

  // 5. Findings on topics and figures.
  // A section without a heading of its own is pointed at by its first written line (not web cruft above it).
  const anchorOf = (entry: SectionCoverage) => {
    if (entry.heading) return { start: entry.heading.start, end: entry.heading.end };
    const from = entry.start ?? 0;
    const to = entry.end ?? text.length;
    let li = lineIndexAt(parsed, from);
    for (let i = li; i < parsed.lines.length && parsed.lines[i]!.start < to; i++) {
      const info = parsed.lines[i]!.info;
      if (!info.cruft && info.contentStart < info.contentEnd) {
        li = i;
        break;
      }
    }
    const line = parsed.lines[li]!;
    const start = Math.max(from, line.start + line.info.contentStart);
    return { start, end: Math.max(start, Math.min(line.start + line.info.contentEnd, start + 20)) };
  };
  result.forEach((entry) => {
    if (entry.status === 'missing' || entry.status === 'empty') return;
    // One finding per section, at its heading, naming every topic it lacks (not one warning per topic stacked
    // on the same line).
    const missing = entry.topics.filter((topic) => !topic.covered && topic.required);
    if (missing.length === 1) {
      findings.push({ ruleId: 'coverage-topic-missing', category: CATEGORY, severity: 'warning', ...anchorOf(entry), messageId: 'coverage.topicMissing', params: { section: entry.title, topic: missing[0]!.title } });
    } else if (missing.length > 1) {
      findings.push({
        ruleId: 'coverage-topic-missing',
        category: CATEGORY,
        severity: 'warning',
        ...anchorOf(entry),
        messageId: 'coverage.topicsMissing',
        params: { section: entry.title, topics: missing.map((topic) => `「${topic.title}」`).join('、'), count: missing.length },
      });
    }
    for (const topic of entry.topics) {
      if (topic.covered && (topic.figures === 'missing' || topic.figures === 'vague')) {
        findings.push({
          ruleId: 'coverage-figure-missing',
          category: CATEGORY,
          severity: 'warning',
          start: topic.evidence!.start,
          end: topic.evidence!.end,
          messageId: topic.figures === 'vague' ? 'coverage.figureVague' : 'coverage.figureMissing',
          params: { topic: topic.title },
        });
      }
    }
  });
  // A count left as a placeholder is wrong wherever it stands.
  // Indexed loops: a for…of allocated an iterator and a result per step over every line's tokens.
  for (let li = 0; li < parsed.lines.length; li++) {
    const line = parsed.lines[li]!;
    const tokens = tokensByLine[li]!;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!;
      if (token.kind !== 'placeholder') continue;
      findings.push({
        ruleId: 'coverage-figure-placeholder',
        category: CATEGORY,
        severity: 'blocking',
        start: line.start + token.start,
        end: line.start + token.end,
        messageId: 'coverage.figurePlaceholder',
        params: { text: text.slice(line.start + token.start, line.start + token.end) },
      });
    }
  }

  // 6. Suggestions for missing sections, in template order.
  const suggestions: StructureSuggestion[] = [];
  const kinds = new Map<StructureSuggestion, MarkerKind>();
  const fieldOf = (offset: number) => (input.fields && input.fields.length > 0 ? spanAt({ text, spans: [...input.fields] }, offset) : undefined);
  sections.forEach((section, i) => {
    const entry = result[i]!;
    if (!section.required || (entry.status !== 'missing' && entry.status !== 'empty')) return;
    const reason = { messageId: entry.status === 'empty' ? 'coverage.suggest.empty' : 'coverage.suggest.missing', params: { section: titleOf(section) } };
    if (entry.status === 'empty' && !(entry.fieldKey && text.slice(entry.start!, entry.end!).trim() === '')) {
      // A heading with nothing under it, or a scaffold whose blanks are still there: nothing to insert, but the
      // section is not written yet, and a submit should stop at it.
      const at = entry.heading ?? { start: entry.start!, end: entry.start! };
      findings.push({
        ruleId: 'coverage-section-empty',
        category: CATEGORY,
        severity: 'blocking',
        start: at.start,
        end: at.end,
        messageId: 'coverage.sectionEmpty',
        params: { section: titleOf(section) },
      });
      return;
    }
    if (entry.status === 'empty') {
      // The field is there but blank: the section's text goes in, without its title line.
      const body = section.scaffold.split('\n').slice(1).join('\n');
      const suggestion: StructureSuggestion = { sectionId: section.id, sectionTitle: titleOf(section), reason, scaffold: body, offset: entry.start!, text: body };
      if (entry.fieldKey) suggestion.fieldKey = entry.fieldKey;
      suggestions.push(suggestion);
      return;
    }
    let offset: number;
    let before = false;
    let fieldKey: string | undefined;
    const prev = result.slice(0, i).reverse().find((e) => e.status !== 'missing' && e.start !== undefined);
    const next = result.slice(i + 1).find((e) => e.status !== 'missing' && e.start !== undefined);
    if (prev) {
      offset = contentEndIn(parsed, prev.start!, prev.end!);
      fieldKey = prev.fieldKey;
    } else if (next) {
      offset = next.heading ? next.heading.start : next.start!;
      before = true;
      fieldKey = next.fieldKey;
    } else {
      offset = contentEndIn(parsed, docStart, text.length);
    }
    // The scaffold's heading takes the number after the last top-level heading of its kind before it.
    const mark = matchMarker(section.scaffold, 0, true);
    const kind = mark && mark.kind !== 'item' ? mark.kind : undefined;
    let scaffold = section.scaffold;
    let number = 0;
    if (mark && kind) {
      const last = parsed.outline.filter((h) => h.kind === kind && h.start < offset).pop();
      // Sections suggested just before this one, at the same place, take the numbers in between.
      const pending = suggestions.filter((g) => kinds.get(g) === kind && g.offset <= offset && g.offset >= (last?.start ?? 0) && g.text !== g.scaffold).length;
      number = (last ? last.value + 1 : result.slice(0, i).filter((e) => e.status !== 'missing').length + 1) + pending;
      const edit = markerNumberEdit(section.scaffold.slice(0, mark.length), kind, number);
      if (edit) scaffold = section.scaffold.slice(0, edit.start) + edit.text + section.scaffold.slice(edit.end);
      else number = 0;
    }
    const insert = before ? `${scaffold}\n` : offset > 0 ? `\n${scaffold}` : scaffold;
    const suggestion: StructureSuggestion = { sectionId: section.id, sectionTitle: titleOf(section), reason, scaffold, offset, text: insert };
    if (fieldKey) suggestion.fieldKey = fieldKey;
    if (kind && number > 0) {
      const field = fieldOf(offset);
      const renumber = renumberingEdits(parsed, { offset, kind, value: number, ...(field ? { start: field.start, end: field.end } : {}) });
      if (renumber.length > 0) suggestion.renumber = renumber;
      kinds.set(suggestion, kind);
    }
    suggestions.push(suggestion);
    // The finding's one-click fix does what inserting the suggestion does: the scaffold and the renumbering of
    // the headings after it, as one replacement (from the insertion point to the last renumbered marker), so
    // that applying it from the list of findings leaves no repeated 三、 behind either.
    const insertion: Fix = { start: offset, end: offset, text: insert };
    findings.push({
      ruleId: 'coverage-section-missing',
      category: CATEGORY,
      severity: 'blocking',
      start: offset,
      end: offset,
      messageId: 'coverage.sectionMissing',
      params: { section: titleOf(section) },
      fix: (suggestion.renumber ? mergeEdits(text, [insertion, ...suggestion.renumber]) : undefined) ?? insertion,
    });
  });

  const coverage: Coverage = {
    templateId: template.id,
    templateVersion: template.version,
    templateName: template.name,
    units: [...units],
    sections: result,
    complete: result.every((e) => !e.required || e.status === 'found' || e.status === 'out-of-order'),
    topicsCovered,
    topicsTotal,
  };
  return { coverage, suggestions, findings };
}

/**
 * Where a report names its unit: its title, the first sentences of its first two lines and its last three lines
 * (the signature). Web cruft and blank lines are skipped.
 */
function unitPlaces(parsed: ParsedOutline, docStart: number): string[] {
  const places: string[] = [];
  const title = parsed.titles[0];
  if (title && title.start < docStart) places.push(title.text);
  const lines = parsed.lines;
  const written = (i: number) => {
    const line = lines[i]!;
    return !line.info.cruft && line.info.contentStart < line.info.contentEnd;
  };
  // The first two lines of the body (a unit name under the title, then the opening sentence).
  let last = -1;
  for (let i = lineIndexAt(parsed, docStart), n = 0, seen = 0; i < lines.length && n < 40 && seen < 2; i++, n++) {
    if (lines[i]!.start < docStart || !written(i)) continue;
    const text = lines[i]!.text;
    const stop = text.search(/[。；！？]/);
    places.push(stop < 0 ? text : text.slice(0, stop));
    last = i;
    seen++;
  }
  for (let i = lines.length - 1, n = 0; i > last && n < 3; i--) {
    if (!written(i)) continue;
    places.push(lines[i]!.text);
    n++;
  }
  return places;
}

/** Tianbao's variables, list markers (一是 （一） 1.) and everything that is not a letter, digit or Han character. */
const NOT_CONTENT = /\{\{[^{}\n]*\}\}|｛｛[^｛｝\n]*｝｝|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]?|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|[^\p{L}\p{N}]+/gu;
/** Fewer characters than this left after NOT_CONTENT is taken out: a blank, not a written section. */
const MIN_CONTENT = 4;

function hasRealContent(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const body = text.slice(start, end);
  // Most sections are long: a quick look at enough characters settles it without the replace.
  let letters = 0;
  for (let i = 0; i < body.length && letters < 64; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x7b || code === 0xff5b) {
      letters = -1;
      break;
    }
    if (code >= 0x4e00 && code <= 0x9fff) letters++;
  }
  if (letters >= 64) return true;
  return body.replace(NOT_CONTENT, '').length >= MIN_CONTENT;
}
