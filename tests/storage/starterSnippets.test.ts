// The starter snippets are the first thing a new user inserts into a real report, so they must be free of
// the corpus defects they were cleaned of, and they must still come from the corpus (not be invented).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { STARTER_SECTION_IDS, STARTER_SNIPPETS, extractVariables } from '../../lib/storage';
import { SnippetSchema, SnippetsSchema } from '../../lib/storage/schemas';

const CORPUS_FILE = '000_037b8862a6aab3ed.txt';
const corpusPath = [new URL(`../fixtures/corpus/${CORPUS_FILE}`, import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((path) => existsSync(path));

/** Defects the corpus README and a reading of the corpus list: spin artefacts, placeholders, cruft, stale names. */
const DEFECTS: ReadonlyArray<[string, RegExp]> = [
  ['placeholder xx', /x{2,}/i],
  ['placeholder __', /_{2,}/],
  ['placeholder …..', /\.{3,}|…{1}\./],
  ['web cruft', /朗读|范文|答案列表/],
  ['wrong meeting name', /十九五中|十九届五中精神/],
  ['spin 进取 (积极)', /进取(参与|稳妥|引导|开展|组织|行动|性|而为)/],
  ['spin 异常是 (特别是)', /异常是/],
  ['spin 礼貌 (文明)', /礼貌/],
  ['spin 本事 (能力)', /本事/],
  ['spin 构成 (形成)', /构成/],
  ['spin 经过 (通过)', /经过(加强|建立|落实|开展|有效|具体|强有力|树立)/],
  ['spin 供给 (提供)', /供给/],
  ['spin 必须成绩 (一定成绩)', /必须成绩/],
  ['spin 职责制/职责人 (责任制/责任人)', /职责制|职责人/],
  ['spin 情景 (情况)', /情景/],
  ['spin 资料 (内容)', /资料/],
  ['spin 掌控 (掌握)', /掌控/],
  ['half-width punctuation in Chinese text', /[\p{Script=Han}][,;:?!()]|[,;:?!()][\p{Script=Han}]/u],
];

const bracketPairs: ReadonlyArray<[string, string]> = [
  ['（', '）'],
  ['“', '”'],
  ['《', '》'],
  ['{{', '}}'],
];

describe('starter snippets', () => {
  it('hold between 8 and 15 snippets', () => {
    expect(STARTER_SNIPPETS.length).toBeGreaterThanOrEqual(8);
    expect(STARTER_SNIPPETS.length).toBeLessThanOrEqual(15);
  });

  it('pass the snippets schema, ids unique', () => {
    expect(v.safeParse(SnippetsSchema, [...STARTER_SNIPPETS]).success).toBe(true);
  });

  it('cover opening, main work, problems and next steps', () => {
    const sections = new Set(STARTER_SNIPPETS.flatMap((snippet) => snippet.sectionIds));
    expect([...sections].sort()).toEqual(Object.values(STARTER_SECTION_IDS).sort());
  });

  for (const snippet of STARTER_SNIPPETS) {
    describe(snippet.title, () => {
      it('is a valid snippet tagged with its section', () => {
        expect(v.safeParse(SnippetSchema, snippet).success).toBe(true);
        expect(snippet.tags.length).toBeGreaterThan(0);
      });

      it('lists exactly the variables its body uses, only 单位名称 and 报告期', () => {
        expect(snippet.variables).toEqual(extractVariables(snippet.body));
        for (const name of snippet.variables) expect(['单位名称', '报告期']).toContain(name);
      });

      it('carries none of the corpus defects', () => {
        const found = DEFECTS.filter(([, pattern]) => pattern.test(snippet.body) || pattern.test(snippet.title));
        expect(found.map(([label]) => label)).toEqual([]);
      });

      it('has balanced brackets and quotes', () => {
        for (const [open, close] of bracketPairs) {
          expect(snippet.body.split(open).length, open).toBe(snippet.body.split(close).length);
        }
      });

      it.runIf(corpusPath)('comes from the corpus: shares a 10-character run with it', () => {
        const strip = (text: string) => text.replace(/[^\p{Script=Han}]/gu, '');
        const corpus = strip(readFileSync(corpusPath!, 'utf8'));
        const body = strip(snippet.body.replace(/\{\{[^}]+\}\}/g, ''));
        const runs = Array.from({ length: Math.max(0, body.length - 9) }, (_, i) => body.slice(i, i + 10));
        expect(runs.some((run) => corpus.includes(run))).toBe(true);
      });
    });
  }
});

describe('the defect patterns', () => {
  it.runIf(corpusPath)('each find something in the raw corpus, so a clean starter is not clean by accident', () => {
    const corpus = readFileSync(corpusPath!, 'utf8');
    const silent = DEFECTS.filter(([, pattern]) => !pattern.test(corpus)).map(([label]) => label);
    expect(silent).toEqual([]);
  });
});
