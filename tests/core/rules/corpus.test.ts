// Measured on the sample corpus: every family of defects is labelled by hand in
// tests/fixtures/corpus/edits.json (the same list that makes the cleaned copy), and the rules are scored
// against those labels. The table printed here is the precision/recall the report quotes.
import { afterAll, describe, expect, it } from 'vitest';
import { runRules } from '../../../lib/core/rules';
import type { Finding, ReportPeriod } from '../../../lib/core/types';
import { cleanedText, corpusText, editList, labels, lineStarts, type Label } from '../../fixtures/corpus/edits';

const text = corpusText();
const list = editList();
const allLabels = labels(text, list);
const starts = lineStarts(text);
const lineSpan = (from: number, to: number) => ({ start: starts[from - 1]!, end: starts[to]! - 1 });

interface Family {
  rules: string[];
  /** Where the family is scored (the whole corpus unless said otherwise). */
  scope?: { start: number; end: number }[];
  findings?: () => Finding[];
  /** Lowest recall accepted; 0.85 unless the family holds defects no rule can see. */
  minRecall?: number;
}

const REPORT1 = lineSpan(1, 17);
const REPORT2 = lineSpan(20, 45);

/** Findings of a slice of the corpus checked with its own report period, re-based on the corpus. */
function sliceFindings(span: { start: number; end: number }, period: ReportPeriod): Finding[] {
  return runRules({ text: text.slice(span.start, span.end), period }).map((f) => ({
    ...f,
    start: f.start + span.start,
    end: f.end + span.start,
  }));
}

const families: Record<string, Family> = {
  duplicate: { rules: ['duplicates'] },
  placeholder: { rules: ['placeholders'] },
  cruft: { rules: ['web-cruft', 'mojibake', 'pinyin-debris'] },
  wording: { rules: ['official-names'] },
  spin: { rules: ['spin-artefacts'] },
  // 警示教育传片 (宣 dropped) is labelled but no rule can know a dropped character: 7 of 9 is the ceiling.
  typo: { rules: ['repeated-word'], minRecall: 0.75 },
  // The 《/》 torn apart by a line break are reported by hard-wrap (with the merge that fixes them), not as
  // unbalanced brackets.
  punctuation: { rules: ['unbalanced-brackets', 'doubled-punctuation', 'ellipsis', 'hard-wrap'] },
  halfwidth: { rules: ['halfwidth-punctuation'], scope: list.halfwidthLines.map((l) => lineSpan(l, l)) },
  stale: {
    rules: ['stale-references'],
    scope: [REPORT1, REPORT2],
    // Report 1 is a 2021 上半年 report (今年上半年, 2021全国两会); report 2's title says 2021.
    findings: () => [...sliceFindings(REPORT1, { year: 2021, half: 1 }), ...sliceFindings(REPORT2, { year: 2021 })],
  },
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const allFindings = runRules({ text });
const scores: Record<string, { labels: number; findings: number; precision: number; recall: number }> = {};

function score(name: string, family: Family) {
  const inScope = (s: { start: number; end: number }) => !family.scope || family.scope.some((r) => overlaps(r, s));
  const found = (family.findings ? family.findings() : allFindings).filter(
    (f) => family.rules.includes(f.ruleId) && inScope(f),
  );
  const labelled: Label[] = allLabels.filter((l) => l.family === name && inScope(l));
  const truePositives = found.filter((f) => labelled.some((l) => overlaps(f, l))).length;
  const recalled = labelled.filter((l) => found.some((f) => overlaps(f, l))).length;
  const result = {
    labels: labelled.length,
    findings: found.length,
    precision: found.length === 0 ? 1 : truePositives / found.length,
    recall: labelled.length === 0 ? 1 : recalled / labelled.length,
  };
  scores[name] = result;
  return result;
}

afterAll(() => {
  const rows = Object.entries(scores).map(([family, s]) => ({
    family,
    labels: s.labels,
    findings: s.findings,
    precision: s.precision.toFixed(3),
    recall: s.recall.toFixed(3),
  }));
  console.table(rows);
});

describe('on the labelled corpus', () => {
  for (const [name, family] of Object.entries(families)) {
    const minRecall = family.minRecall ?? 0.85;
    it(`${name}: finds at least ${minRecall * 100} % of the labelled defects with at least 90 % precision`, () => {
      const s = score(name, family);
      expect(s.labels).toBeGreaterThan(0);
      expect(s.recall).toBeGreaterThanOrEqual(minRecall);
      expect(s.precision).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('finds every duplicated section, the later copy each time', () => {
    const copies = allFindings.filter((f) => f.ruleId === 'duplicates');
    const labelled = allLabels.filter((l) => l.family === 'duplicate');
    expect(copies.map((f) => [f.start, f.end])).toEqual(labelled.map((l) => [l.start, l.end]));
  });

  it('flags more than 40 % of the characters as duplicate, as the corpus README states', () => {
    const flagged = allFindings
      .filter((f) => f.ruleId === 'duplicates')
      .reduce((sum, f) => sum + (f.fix!.end - f.fix!.start), 0);
    console.log(`duplicate share: ${flagged} of ${text.length} characters (${((flagged / text.length) * 100).toFixed(1)} %)`);
    expect(flagged / text.length).toBeGreaterThan(0.4);
  });
});

describe('on the cleaned copy', () => {
  const cleaned = cleanedText();
  const dictionaryRules = ['official-names', 'spin-artefacts', 'user-entries', 'placeholders', 'web-cruft', 'mojibake', 'pinyin-debris'];

  it('raises no finding from the dictionary, placeholder and cruft rules', () => {
    expect(runRules({ text: cleaned }).filter((f) => dictionaryRules.includes(f.ruleId))).toEqual([]);
  });

  it('raises no finding from any rule at all', () => {
    expect(runRules({ text: cleaned })).toEqual([]);
  });

  it('raises no stale reference for the period of its first report', () => {
    const report1 = cleaned.slice(0, cleaned.indexOf('关于2021年'));
    expect(runRules({ text: report1, period: { year: 2021, half: 1 } })).toEqual([]);
  });
});
