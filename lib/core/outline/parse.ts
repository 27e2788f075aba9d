// Outline parser: text → a tree of headings with UTF-16 offsets, plus the numbering diagnostics that fall out of
// reading it (gaps, repeats, restarts, level skips, marks the standards rule out). Lines are read through a
// LineCache, so that re-parsing after an edit reads only the lines that changed; assembling the tree is one
// linear pass over the lines' marks.
import type { Finding } from '../types';
import { KIND_RANK, markerText, type MarkerKind } from './markers';
import { createLineCache, type LineCache, type LineInfo, type LineMark } from './lines';

export interface OutlineHeading {
  /** Depth in the tree, 1 for a top-level heading. */
  level: number;
  kind: MarkerKind;
  /** The number the marker carries (一 → 1, ③ → 3); 0 for 最后. */
  value: number;
  /** The marker as written, e.g. "（一）" or "1、". */
  marker: string;
  title: string;
  /** Start of the marker. */
  start: number;
  /** End of the title (before any end punctuation). */
  end: number;
  titleStart: number;
  /** The heading's body: from the end of its title to the next heading of the same or a higher rank. */
  bodyStart: number;
  bodyEnd: number;
  /** End of the body's last line that is not web cruft or blank; where text added to the section goes. */
  contentEnd: number;
  /** The heading is a line of its own (not run into its body). */
  standalone: boolean;
  /** 0-based line number of the heading. */
  line: number;
  children: OutlineHeading[];
}

export interface TextRange {
  start: number;
  end: number;
  text: string;
}

export interface ParsedOutline {
  outline: OutlineHeading[];
  /** Every heading in document order. */
  headings: OutlineHeading[];
  /** Lines that read as a document title (关于…情况报告). */
  titles: TextRange[];
  /** Short lines without a marker: candidate unnumbered section titles. */
  plainLines: TextRange[];
  cruft: TextRange[];
  /** Every line: its start, end (before the line break) and reading. */
  lines: Array<{ start: number; end: number; text: string; info: LineInfo }>;
  findings: Finding[];
}

const CATEGORY = 'outline';

/** The children of every heading that has none (most of a long outline's): one frozen list, not one each. */
const NO_CHILDREN: OutlineHeading[] = Object.freeze([]) as unknown as OutlineHeading[];

interface Scope {
  heading: OutlineHeading | null;
  /** The last heading of each kind, by KIND_RANK (an array: a record keyed by kind was a megamorphic access). */
  last: Array<OutlineHeading | undefined>;
}

function normalizeTitle(title: string): string {
  return title.replace(/[\s\u3000，,、。：:；;“”"'‘’（）()《》]/g, '');
}

const DUPLICATE_SCAN_LIMIT = 200_000;

/**
 * Text already compared by duplicateSpan in this parse: [.., end) was found equal to an earlier stretch.
 * A heading inside it lies in a copy that is already reported, so it is not compared again. Without this a
 * heading repeated thousands of times (一、工作开展情况 over and over) compared each repeat with the first
 * one over the whole text between them: quadratic.
 */
interface Compared {
  end: number;
  /** End of the last copy reported with a fix (whole lines): a heading inside it is not reported again. */
  reported: number;
}

/**
 * The later copy of a pasted duplicate: text around `later` that equals the text around `earlier`, cut to whole
 * lines. Bounded by DUPLICATE_SCAN_LIMIT characters each way, and never reading back into text an earlier
 * comparison covered (`compared`), so that the comparisons of one parse read each character about once.
 */
function duplicateSpan(text: string, earlier: number, later: number, compared: Compared): { start: number; end: number } | undefined {
  const n = text.length;
  let forward = 0;
  const maxForward = Math.min(later - earlier, n - later, DUPLICATE_SCAN_LIMIT);
  while (forward < maxForward && text.charCodeAt(earlier + forward) === text.charCodeAt(later + forward)) forward++;
  let back = 0;
  const maxBack = Math.min(earlier, later - earlier - forward, DUPLICATE_SCAN_LIMIT, Math.max(0, later - compared.end));
  while (back < maxBack && text.charCodeAt(earlier - back - 1) === text.charCodeAt(later - back - 1)) back++;
  compared.end = Math.max(compared.end, later + forward);
  let start = later - back;
  if (start > 0 && text[start - 1] !== '\n') {
    const nl = text.indexOf('\n', start);
    start = nl < 0 || nl >= later ? later : nl + 1;
  }
  let end = later + forward;
  if (end < n && text[end - 1] !== '\n') {
    const nl = text.lastIndexOf('\n', end - 1);
    end = nl < start ? end : nl + 1;
  }
  if (end - start < 20 || text[end - 1] !== '\n' && end !== n) return undefined;
  return { start, end };
}

export interface OutlineParser {
  parse(text: string): ParsedOutline;
}

export function createOutlineParser(cache: LineCache = createLineCache()): OutlineParser {
  return { parse: (text) => parseWith(text, cache) };
}

export function parseOutline(text: string): ParsedOutline {
  return parseWith(text, createLineCache());
}

function parseWith(text: string, cache: LineCache): ParsedOutline {
  const result: ParsedOutline = { outline: [], headings: [], titles: [], plainLines: [], cruft: [], lines: [], findings: [] };
  const findings = result.findings;
  const stack: OutlineHeading[] = [];
  let root: Scope = { heading: null, last: [] };
  // The numbering scope of each open heading, parallel to `stack` (only an open heading can be a parent);
  // made when its first child comes, as most headings of a long outline have none.
  const scopes: Array<Scope | undefined> = [];
  const seen = new Map<string, OutlineHeading>();
  const compared: Compared = { end: 0, reported: 0 };

  const close = (until: number, at: number) => {
    while (stack.length > until) {
      const h = stack.pop()!;
      scopes.pop();
      h.bodyEnd = at;
    }
  };

  let lineStart = 0;
  let lineNo = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const lineText = text.slice(lineStart, lineEnd);
    const info = cache.get(lineText);
    result.lines.push({ start: lineStart, end: lineEnd, text: lineText, info });
    const cs = lineStart + info.contentStart;
    const ce = lineStart + info.contentEnd;
    if (info.cruft) {
      result.cruft.push({ start: cs, end: ce, text: text.slice(cs, ce) });
    } else if (info.title) {
      // A new report starts: its numbering starts afresh.
      close(0, lineStart);
      root = { heading: null, last: [] };
      seen.clear();
      result.titles.push({ start: cs, end: ce, text: text.slice(cs, ce) });
    } else {
      if (info.plain) result.plainLines.push({ start: cs, end: ce, text: text.slice(cs, ce) });
      for (const mark of info.marks) {
        const rank = KIND_RANK[mark.kind];
        let depth = stack.length;
        while (depth > 0 && KIND_RANK[stack[depth - 1]!.kind] >= rank) depth--;
        const parent = depth > 0 ? stack[depth - 1]! : null;
        const scope = parent ? (scopes[depth - 1] ??= { heading: parent, last: [] }) : root;
        const prev = scope.last[rank];
        const expected = prev ? prev.value + 1 : 1;
        // A marker inside a line is a heading only where the numbering expects it (pasted without line breaks).
        if (!mark.atLineStart && mark.kind !== 'item' && mark.value !== expected) continue;
        const start = lineStart + mark.start;
        close(depth, start);
        const heading: OutlineHeading = {
          level: depth + 1,
          kind: mark.kind,
          value: mark.value,
          // Equal lines share their cached reading, and with it these strings: no new ones per repeat.
          marker: (mark.marker ??= lineText.slice(mark.start, mark.markerEnd)),
          title: (mark.title ??= lineText.slice(mark.titleStart, mark.titleEnd)),
          start,
          end: lineStart + mark.titleEnd,
          titleStart: lineStart + mark.titleStart,
          bodyStart: lineStart + (mark.endPunct ? mark.endPunct[1] : mark.titleEnd),
          bodyEnd: n,
          contentEnd: ce,
          standalone: mark.standalone,
          line: lineNo,
          children: NO_CHILDREN,
        };
        if (!parent) result.outline.push(heading);
        else if (parent.children === NO_CHILDREN) parent.children = [heading];
        else parent.children.push(heading);
        result.headings.push(heading);
        scope.last[rank] = heading;
        scopes.push(undefined);
        stack.push(heading);
        diagnose(text, heading, mark, prev, parent, seen, compared, findings);
        if (mark.badMark) {
          const bad = mark.badMark;
          findings.push({
            ruleId: 'outline-mark',
            category: CATEGORY,
            severity: 'warning',
            start,
            end: lineStart + mark.markerEnd,
            messageId: `outline.mark.${bad.reason}`,
            params: { marker: heading.marker, replacement: markerText(mark.kind, mark.value) },
            fix: { start: lineStart + bad.start, end: lineStart + bad.end, text: bad.replacement },
          });
        }
        if (mark.endPunct) {
          findings.push({
            ruleId: 'outline-heading-punct',
            category: CATEGORY,
            severity: 'info',
            start: lineStart + mark.endPunct[0],
            end: lineStart + mark.endPunct[1],
            messageId: 'outline.headingPunct',
            params: { punct: text.slice(lineStart + mark.endPunct[0], lineStart + mark.endPunct[1]) },
            fix: { start: lineStart + mark.endPunct[0], end: lineStart + mark.endPunct[1], text: '' },
          });
        }
      }
      if (cs < ce) for (const open of stack) open.contentEnd = ce;
    }
    lineStart = lineEnd + 1;
    lineNo++;
  }
  close(0, n);
  return result;
}

function diagnose(
  text: string,
  heading: OutlineHeading,
  mark: LineMark,
  prev: OutlineHeading | undefined,
  parent: OutlineHeading | null,
  seen: Map<string, OutlineHeading>,
  compared: Compared,
  findings: Finding[],
): void {
  if (heading.kind === 'item') {
    // 一是…二是… restarts with every paragraph; only a skipped or doubled number within a run is a slip.
    if (!prev || heading.value === 0 || prev.value === 0) return;
    if (heading.value === prev.value && heading.value > 1) {
      findings.push({ ruleId: 'outline-repeat', category: CATEGORY, severity: 'warning', start: heading.start, end: heading.end, messageId: 'outline.repeat', params: { marker: heading.marker } });
    } else if (heading.value > prev.value + 1) {
      findings.push({ ruleId: 'outline-gap', category: CATEGORY, severity: 'warning', start: heading.start, end: heading.end, messageId: 'outline.gap', params: { marker: heading.marker, expected: markerText('item', prev.value + 1) } });
    }
    return;
  }
  // Kept on the line's mark, which the line cache shares between equal lines: a heading repeated thousands of
  // times has its title normalised once.
  const key = (mark.key ??= `${heading.kind}|${heading.value}|${normalizeTitle(heading.title)}`);
  const earlier = seen.get(key);
  if (!earlier) seen.set(key, heading);
  const expected = prev ? prev.value + 1 : 1;
  if (prev && heading.value <= prev.value) {
    if (earlier) {
      // A heading inside a copy already reported is part of it and of its fix: one finding for the copy, not
      // one per heading in it. Inside a stretch compared before but not reported (too short), it gets a
      // finding without a fix rather than a second comparison.
      if (heading.start < compared.reported) return;
      const span = heading.start < compared.end ? undefined : duplicateSpan(text, earlier.start, heading.start, compared);
      const finding: Finding = {
        ruleId: 'outline-duplicate',
        category: CATEGORY,
        severity: 'blocking',
        start: heading.start, end: heading.end,
        messageId: 'outline.duplicate',
        params: { marker: heading.marker, title: heading.title, line: earlier.line + 1 },
      };
      if (span) {
        compared.reported = span.end;
        finding.end = span.end;
        finding.start = Math.min(span.start, heading.start);
        finding.fix = { start: span.start, end: span.end, text: '' };
      }
      findings.push(finding);
    } else if (heading.value === prev.value) {
      findings.push({ ruleId: 'outline-repeat', category: CATEGORY, severity: 'warning', start: heading.start, end: heading.end, messageId: 'outline.repeat', params: { marker: heading.marker } });
    } else {
      findings.push({ ruleId: 'outline-restart', category: CATEGORY, severity: 'warning', start: heading.start, end: heading.end, messageId: 'outline.restart', params: { marker: heading.marker, previous: prev.marker } });
    }
  } else if (heading.value > expected) {
    findings.push({ ruleId: 'outline-gap', category: CATEGORY, severity: 'warning', start: heading.start, end: heading.end, messageId: 'outline.gap', params: { marker: heading.marker, expected: markerText(heading.kind, expected) } });
  }
  const rank = KIND_RANK[heading.kind];
  if (parent && rank <= 4 && KIND_RANK[parent.kind] < rank - 1) {
    const between: MarkerKind = (['h1', 'h2', 'h3', 'h4'] as const)[KIND_RANK[parent.kind]]!;
    findings.push({
      ruleId: 'outline-level-skip',
      category: CATEGORY,
      severity: 'info',
      start: heading.start, end: heading.end,
      messageId: 'outline.levelSkip',
      params: { marker: heading.marker, parent: parent.marker, expected: markerText(between, 1) },
    });
  }
}
