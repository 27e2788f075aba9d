// Development set of real report texts (tests/fixtures/real): each text is analysed as one pasted field, the
// way a user pastes a 范文 page into a portal form, and the findings are scored against the hand judgements in
// judgements.json. The printed table (per category: judged defects found, recall, findings, false alarms,
// precision) and the lists of every miss and every false alarm are what developers work from. Two more
// lists: WIDE, findings that overlap several judged defects of their category (each of those counts as
// found, so a wide finding lifts recall), and PERIOD, texts whose detected period differs from the judged one.
//
// The assertions on the fixture itself (every file listed, every quote present, known categories) are real
// tests. The score assertions are floors: the value measured when the set was made, rounded down. The target
// is 0.8 recall and 0.95 precision per category; the floors are raised as rules land.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { Finding, ReportPeriod } from '../../../lib/core/types';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/real');

const CATEGORIES = ['cruft', 'names', 'stale', 'placeholders', 'typos', 'layout', 'spaces'] as const;
type Category = (typeof CATEGORIES)[number];

interface JudgedText {
  file: string;
  /** "2023", "2023H1" or null when the text states no period. */
  period: string | null;
  kind: string;
}

interface JudgedDefect {
  file: string;
  category: Category;
  quote: string;
  /** Which occurrence of `quote` (0-based); the first when absent. */
  nth?: number;
  note: string;
}

interface Judgements {
  texts: JudgedText[];
  defects: JudgedDefect[];
}

/**
 * Which findings speak for each judged category: by rule id, by the finding's category, or (placeholders) a
 * coverage finding about a placeholder figure. A finding may speak for more than one category.
 */
const SCORED_BY: Record<Category, { ruleIds: readonly string[]; categories: readonly string[]; also?: (f: Finding) => boolean }> = {
  cruft: { ruleIds: ['web-cruft', 'mojibake', 'pinyin-debris', 'repeated-title'], categories: ['cruft'] },
  names: { ruleIds: ['official-names'], categories: [] },
  stale: { ruleIds: ['stale-references'], categories: [] },
  placeholders: {
    ruleIds: ['placeholders', 'template-variable'],
    categories: [],
    also: (f) => f.ruleId.startsWith('coverage') && /placeholder/i.test(f.messageId),
  },
  typos: { ruleIds: ['spin-artefacts', 'repeated-word', 'set-phrase-typos'], categories: ['typo', 'spin'] },
  layout: { ruleIds: ['hard-wrap', 'run-in-heading'], categories: ['layout'] },
  spaces: { ruleIds: ['cjk-spaces'], categories: ['spacing'] },
};

/**
 * The issue's targets, held for every category: recall at least 0.8 and precision at least 0.95. Measured on
 * 2026-12-07 once the rules for real texts landed (found/real, findings with no false alarm):
 * cruft 32/36, names 11/13, stale 12/13, placeholders 24/24, typos 22/26, layout 39/40, spaces 18/18; precision
 * 1.000 in every category. A few long hard-wrap and cjk-spaces findings each cover several judged places (one fix
 * joins a torn run or removes a paragraph's stray spaces): the WIDE lines of the printout list them.
 */
const RECALL_FLOOR: Record<Category, number> = {
  cruft: 0.8,
  names: 0.8,
  stale: 0.8,
  placeholders: 0.8,
  typos: 0.8,
  layout: 0.8,
  spaces: 0.8,
};
const PRECISION_FLOOR: Record<Category, number | null> = {
  cruft: 0.95,
  names: 0.95,
  stale: 0.95,
  placeholders: 0.95,
  typos: 0.95,
  layout: 0.95,
  spaces: 0.95,
};

const judgements = JSON.parse(readFileSync(join(dir, 'judgements.json'), 'utf8')) as Judgements;
const textFiles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const texts = new Map(textFiles.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** Offset of the nth occurrence of `quote` (occurrences may overlap, as indexOf finds them), or -1. */
function occurrence(text: string, quote: string, nth: number): number {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth && at >= 0; i++) at = text.indexOf(quote, at + 1);
  return at;
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const speaksFor = (f: Finding, category: Category) => {
  const by = SCORED_BY[category];
  return by.ruleIds.includes(f.ruleId) || by.categories.includes(f.category) || (by.also?.(f) ?? false);
};
const formatPeriod = (p: ReportPeriod | undefined) => (p ? `${p.year}${p.half ? `H${p.half}` : ''}` : null);
/** A short, one-line view of a stretch of text for the printed lists. */
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

describe('the real-text development set', () => {
  it('lists every text file once, and only existing files', () => {
    const listed = judgements.texts.map((t) => t.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(textFiles);
    expect(textFiles.length).toBeGreaterThanOrEqual(12);
  });

  it('states each text period as a year, a half-year or null, and its kind', () => {
    for (const t of judgements.texts) {
      expect(t.period === null || /^20\d\d(H[12])?$/.test(t.period), t.file).toBe(true);
      expect(t.kind.length, t.file).toBeGreaterThan(0);
    }
  });

  it('judges defects only in listed files, with known categories, a note, and a quote that is there', () => {
    const listed = new Set(judgements.texts.map((t) => t.file));
    for (const d of judgements.defects) {
      const where = `${d.file} ${JSON.stringify(d.quote)}`;
      expect(listed.has(d.file), where).toBe(true);
      expect(CATEGORIES as readonly string[], where).toContain(d.category);
      expect(d.quote.length, where).toBeGreaterThan(0);
      expect(d.note.trim().length, where).toBeGreaterThan(0);
      expect(d.nth === undefined || (Number.isInteger(d.nth) && d.nth >= 0), where).toBe(true);
      expect(occurrence(texts.get(d.file) ?? '', d.quote, d.nth ?? 0), where).toBeGreaterThanOrEqual(0);
    }
  });

  it('judges no place twice in the same category', () => {
    const seen = new Set<string>();
    for (const d of judgements.defects) {
      const at = occurrence(texts.get(d.file) ?? '', d.quote, d.nth ?? 0);
      const key = `${d.file}|${d.category}|${at}|${d.quote.length}`;
      expect(seen.has(key), `${d.file} ${JSON.stringify(d.quote)}`).toBe(false);
      seen.add(key);
    }
  });

  it('holds at least a few judged defects in every category', () => {
    for (const c of CATEGORIES) expect(judgements.defects.filter((d) => d.category === c).length, c).toBeGreaterThanOrEqual(8);
  });
});

// ---- Scoring -------------------------------------------------------------------------------------------

interface Located extends JudgedDefect {
  start: number;
  end: number;
}

const analysed = judgements.texts.map((t) => {
  const text = texts.get(t.file) ?? '';
  const analysis = analyze(text);
  const defects: Located[] = judgements.defects
    .filter((d) => d.file === t.file)
    .map((d) => {
      const start = occurrence(text, d.quote, d.nth ?? 0);
      return { ...d, start, end: start + d.quote.length };
    })
    .filter((d) => d.start >= 0);
  return { ...t, text, findings: analysis.findings, detected: formatPeriod(analysis.period), defects };
});

interface Score {
  real: number;
  found: number;
  findings: number;
  falseAlarms: number;
  recall: number;
  precision: number | null;
  misses: string[];
  alarms: string[];
  /** Findings that overlap more than one judged defect of the category: each counts as a hit for all of them. */
  wide: string[];
}

function score(category: Category): Score {
  const s: Score = { real: 0, found: 0, findings: 0, falseAlarms: 0, recall: 1, precision: null, misses: [], alarms: [], wide: [] };
  for (const t of analysed) {
    const mine = t.findings.filter((f) => speaksFor(f, category));
    for (const d of t.defects.filter((d) => d.category === category)) {
      s.real++;
      if (mine.some((f) => overlaps(f, d))) s.found++;
      else s.misses.push(`${t.file}  ${show(d.quote)}  (${d.note})`);
    }
    for (const f of mine) {
      s.findings++;
      const covered = t.defects.filter((d) => d.category === category && overlaps(f, d)).length;
      if (covered > 1) s.wide.push(`${t.file}  ${f.ruleId}  [${f.start}, ${f.end}) covers ${covered} judged defects`);
      if (!t.defects.some((d) => overlaps(f, d))) {
        s.falseAlarms++;
        s.alarms.push(`${t.file}  ${f.ruleId}/${f.messageId}  ${show(t.text.slice(f.start, f.end))} at ${f.start}`);
      }
    }
  }
  s.recall = s.real === 0 ? 1 : s.found / s.real;
  s.precision = s.findings === 0 ? null : (s.findings - s.falseAlarms) / s.findings;
  return s;
}

const scores = new Map<Category, Score>();

afterAll(() => {
  if (scores.size === 0) return;
  console.table(
    [...scores].map(([category, s]) => ({
      category,
      'found/real': `${s.found}/${s.real}`,
      recall: s.recall.toFixed(3),
      findings: s.findings,
      'false alarms': s.falseAlarms,
      precision: s.precision === null ? '—' : s.precision.toFixed(3),
    })),
  );
  const lines: string[] = [];
  for (const [category, s] of scores) {
    for (const m of s.misses) lines.push(`MISS   ${category.padEnd(12)} ${m}`);
    for (const a of s.alarms) lines.push(`FALSE  ${category.padEnd(12)} ${a}`);
    for (const w of s.wide) lines.push(`WIDE   ${category.padEnd(12)} ${w}`);
  }
  const periods = analysed
    .filter((t) => t.detected !== t.period)
    .map((t) => `PERIOD ${t.file}  judged ${t.period ?? '—'}, detected ${t.detected ?? '—'}`);
  console.log([...lines, ...periods].join('\n'));
});

describe('the rules on the real texts (floors; target recall 0.8, precision 0.95)', () => {
  for (const category of CATEGORIES) {
    it(`${category}: recall ≥ ${RECALL_FLOOR[category]}, precision ≥ ${PRECISION_FLOOR[category] ?? '— (no findings yet)'}`, () => {
      const s = score(category);
      scores.set(category, s);
      expect(s.real).toBeGreaterThan(0);
      expect(s.recall).toBeGreaterThanOrEqual(RECALL_FLOOR[category]);
      const floor = PRECISION_FLOOR[category];
      if (floor !== null) expect(s.precision ?? 1).toBeGreaterThanOrEqual(floor);
    });
  }
});
