// The coverage scan settles most positions with a hashed pair of characters before it compares any literal.
// That shortcut must find exactly what comparing every literal at every position finds (the longest literal
// wins, and the scan goes on after it): compared here on thousands of seeded random lines made of the
// template's literals, their pieces and their characters.
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../lib/core/coverage/scan';
import { builtinTemplates } from '../../../lib/core/template';
import type { LineSlots } from '../../../lib/core/rules/types';

/** Characters a figure or a sentence end can start with: left out, so that only literals are compared. */
const FIGURE_OR_END = /[XxＸｘ×＊*_＿□○0-9０-９一二三四五六七八九十两百多若数几屡。！？；!?;]/;

describe('the pair shortcut of the coverage scan', () => {
  for (const template of builtinTemplates) {
    it(`finds the literals a plain longest match finds (${template.id})`, () => {
      const scanner = createScanner(template);
      const literals = scanner.keywords.filter((k) => !FIGURE_OR_END.test(k));
      const chars = [...new Set(literals.join(''))];
      const pieces = [...literals, ...literals.map((k) => k.slice(0, 1)), ...literals.map((k) => k.slice(1)), ...chars, '，', '的'];
      let seed = 11;
      const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
      let found = 0;
      for (let n = 0; n < 3000; n++) {
        let line = '';
        for (let i = 1 + Math.floor(next() * 10); i > 0; i--) line += pieces[Math.floor(next() * pieces.length)]!;
        const expected: Array<[number, string]> = [];
        for (let i = 0; i < line.length; i++) {
          const hit = scanner.keywords.find((k) => line.startsWith(k, i));
          if (hit === undefined) continue;
          expected.push([i, hit]);
          i += hit.length - 1;
        }
        const actual = scanner.scan(line).map((t): [number, string] => [t.start, scanner.keywords[t.index]!]);
        expect(actual, line).toEqual(expected);
        found += expected.length;
        scanner.sweep();
      }
      expect(found).toBeGreaterThan(3000);
    });
  }
});

describe('tokens kept with the line', () => {
  it('are taken only from a scanner of the same template', () => {
    // analyze() hands the scan the outline's per-line slots, which outlive an analysis: after the report's
    // title picks another template, a line's tokens must be read again with that template's literals.
    const lines = builtinTemplates.flatMap((t) => createScanner(t).keywords.slice(0, 40)).map((k, i) => `第${i}条：${k}，召开X次会议。`);
    const slots: LineSlots[] = lines.map(() => ({ rules: undefined, tokens: undefined, tokensBy: undefined, cruftKey: undefined, cruftEntries: undefined, fragmentKey: undefined, fragments: undefined }));
    let differs = 0;
    for (let round = 0; round < 2; round++) {
      for (const template of builtinTemplates) {
        const scanner = createScanner(template);
        const fresh = createScanner(template);
        lines.forEach((line, i) => {
          const expected = fresh.scan(line);
          expect(scanner.scan(line, slots[i])).toEqual(expected);
          if (JSON.stringify(expected) !== JSON.stringify(createScanner(builtinTemplates[0]!).scan(line))) differs++;
        });
      }
    }
    // The templates read these lines differently, so the comparison above could tell a stale entry.
    expect(differs).toBeGreaterThan(0);
  });
});
