import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DictionaryPackSchema, packVersions } from '../../../lib/core/packs';
import { isBoundedPattern } from '../../../lib/core/rules/text';

const entry = (over: Record<string, unknown>) => ({
  id: 'test',
  version: 1,
  entries: [{ id: 'a', trigger: '进取', right: '积极', reason: 'r', ...over }],
});

describe('pack validation', () => {
  it('accepts a well-formed entry', () => {
    expect(v.safeParse(DictionaryPackSchema, entry({})).success).toBe(true);
  });

  it.each([
    ['an unbounded quantifier', { trigger: '进取.*参与' }],
    ['a + quantifier in a context', { after: '参与+' }],
    ['an open {n,} range', { trigger: '进{1,}取' }],
    ['a pattern that does not compile', { trigger: '(进取' }],
    ['an id with capitals', { id: 'Bad Id' }],
    ['an empty reason', { reason: '' }],
  ])('rejects %s', (_name, over) => {
    expect(v.safeParse(DictionaryPackSchema, entry(over)).success).toBe(false);
  });

  it('every shipped pack carries a version', () => {
    expect(Object.keys(packVersions).sort()).toEqual(['cruft', 'events', 'official-names', 'placeholders', 'set-phrases', 'spin-pairs']);
    for (const version of Object.values(packVersions)) expect(version).toBeGreaterThanOrEqual(1);
  });
});

describe('isBoundedPattern', () => {
  it.each(['[*＊]{1,16}', '\\*', '[+*]', 'a{2,4}', '某某{1,3}'])('accepts %s', (p) => expect(isBoundedPattern(p)).toBe(true));
  it.each(['a*', 'a+', 'a{2,}', '(ab)+'])('rejects %s', (p) => expect(isBoundedPattern(p)).toBe(false));
});
