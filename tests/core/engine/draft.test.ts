import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/core/analyze';
import { buildDraft, draftMissing, draftText, sectionBody, swapCandidate, type Draft } from '@/lib/core/draft';
import { builtinTemplates, getTemplate } from '@/lib/core/template';
import { STARTER_SNIPPETS } from '@/lib/storage/starterSnippets';

const NOW = new Date(2026, 6, 1);
const FILL_IN = /^\{\{[^{}]{1,40}\}\}$/;
const ideology = builtinTemplates.filter((t) => t.id.startsWith('ideology-'));

/** Every fill-in marker replaced by a plausible value: counts by a number, the rest by words. */
const fillIn = (text: string) => text.replace(/\{\{次数\}\}/g, '4').replace(/\{\{[^{}]{1,40}\}\}/g, '市文化和旅游局');

function check(text: string, templateId: string) {
  const analysis = analyze(text, { templateId });
  const blocking = analysis.findings.filter((f) => f.severity === 'blocking');
  const outline = analysis.findings.filter((f) => f.ruleId.startsWith('outline-'));
  return { analysis, blocking, outline };
}

describe('一键成稿: the starter library alone', () => {
  for (const template of ideology) {
    it(`${template.id}: every required section, numbered, topics covered, only fill-in markers block`, () => {
      const draft = buildDraft({ template, snippets: STARTER_SNIPPETS, now: NOW });
      const text = draftText(draft);
      const { analysis, blocking, outline } = check(text, template.id);
      const required = template.sections.filter((s) => s.required).map((s) => s.id);
      expect(draft.sections.map((s) => s.sectionId)).toEqual(required);
      const coverage = analysis.coverage!;
      for (const id of required) expect(coverage.sections.find((s) => s.id === id)?.status).toBe('found');
      expect(coverage.complete).toBe(true);
      const uncovered = coverage.sections.flatMap((s) => s.topics.filter((t) => t.required && !t.covered).map((t) => t.id));
      expect(uncovered).toEqual([]);
      expect(outline).toEqual([]);
      expect(blocking.length).toBeGreaterThan(0);
      for (const f of blocking) {
        expect(f.ruleId).toBe('placeholders');
        expect(text.slice(f.start, f.end)).toMatch(FILL_IN);
      }
      // The markers are the variables the draft reports as missing, counts among them.
      const markers = new Set(blocking.map((f) => text.slice(f.start + 2, f.end - 2)));
      expect([...markers].sort()).toEqual(draftMissing(draft).sort());
      expect(markers.has('次数')).toBe(true);
    });

    it(`${template.id}: once the markers are filled in, nothing blocks and the counts are there`, () => {
      const text = fillIn(draftText(buildDraft({ template, snippets: STARTER_SNIPPETS, now: NOW })));
      const { analysis, blocking } = check(text, template.id);
      expect(blocking).toEqual([]);
      const figures = analysis.coverage!.sections.flatMap((s) => s.topics.filter((t) => t.figures !== undefined && t.required));
      expect(figures.length).toBeGreaterThan(0);
      for (const t of figures) expect([t.id, t.figures]).toEqual([t.id, 'present']);
    });
  }

  it('headings are 一、二、三、 in template order, topic paragraphs （一）（二）… in each', () => {
    const template = getTemplate('ideology-half')!;
    const draft = buildDraft({ template, snippets: STARTER_SNIPPETS, now: NOW });
    expect(draft.sections.map((s) => s.heading)).toEqual(['一、主要工作情况', '二、存在的问题', '三、下半年工作打算']);
    const body = sectionBody(draft.sections[0]!).split('\n');
    expect(body.length).toBeGreaterThan(3);
    body.forEach((line, i) => expect(line.startsWith(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'][i]!)).toBe(true));
    // A body is the section's text without its heading.
    for (const section of draft.sections) expect(sectionBody(section)).not.toContain(section.heading);
  });

  it('resolves the variables it is given; the snippets are chosen before the scaffold', () => {
    const template = getTemplate('ideology-annual')!;
    const values = { 单位名称: '市文化和旅游局', 报告期: '2026年' };
    const draft = buildDraft({ template, snippets: STARTER_SNIPPETS, values, now: NOW });
    const text = draftText(draft);
    expect(text).not.toContain('{{单位名称}}');
    expect(text).not.toContain('{{报告期}}');
    expect(text).toContain('2026年，市文化和旅游局');
    expect(draftMissing(draft)).not.toContain('单位名称');
    const chosen = draft.sections.flatMap((s) => s.slots.map((slot) => slot.candidates[slot.chosen]!));
    expect(chosen.filter((c) => c.source === 'snippet').length).toBeGreaterThan(chosen.length / 2);
  });

  it('a 党支部 gets the branch topics, not the 中心组', () => {
    const template = getTemplate('ideology-annual')!;
    const values = { 单位名称: '第三党支部', 报告期: '2026年' };
    const draft = buildDraft({ template, snippets: STARTER_SNIPPETS, values, now: NOW });
    const topics = draft.sections[0]!.slots.map((s) => s.topicId);
    expect(topics).not.toContain('study-group');
    expect(topics).toContain('branch-study');
  });
});

describe('一键成稿: candidates', () => {
  const template = getTemplate('ideology-half')!;
  const draft: Draft = buildDraft({ template, snippets: STARTER_SNIPPETS, now: NOW });

  it('each topic slot offers the paragraphs the scanner credits for its topic', () => {
    for (const slot of draft.sections[0]!.slots) {
      expect(slot.candidates.length).toBeGreaterThan(0);
      for (const c of slot.candidates) expect(c.topics).toContain(slot.topicId);
    }
    expect(draft.sections[0]!.slots.some((slot) => slot.candidates.length > 1)).toBe(true);
  });

  it('换一段 cycles through a slot’s candidates and keeps the numbering', () => {
    const index = draft.sections[0]!.slots.findIndex((slot) => slot.candidates.length > 1);
    const slot = draft.sections[0]!.slots[index]!;
    let current = draft;
    const seen: string[] = [];
    for (let i = 0; i < slot.candidates.length; i++) {
      seen.push(current.sections[0]!.slots[index]!.candidates[current.sections[0]!.slots[index]!.chosen]!.text);
      current = swapCandidate(current, 'main-work', index);
    }
    expect(new Set(seen).size).toBe(slot.candidates.length);
    expect(current.sections[0]!.slots[index]!.chosen).toBe(0);
    expect(draft.sections[0]!.slots[index]!.chosen).toBe(0);
    const swapped = swapCandidate(draft, 'main-work', index);
    expect(draftText(swapped)).not.toBe(draftText(draft));
    expect(check(draftText(swapped), template.id).outline).toEqual([]);
  });

  it('no swap loses a topic or repeats a paragraph', () => {
    for (const t of ideology) {
      const base = buildDraft({ template: t, snippets: STARTER_SNIPPETS, now: NOW });
      let swaps = 0;
      base.sections.forEach((section) =>
        section.slots.forEach((slot, index) => {
          let current = base;
          for (let k = 1; k < slot.candidates.length; k++) {
            current = swapCandidate(current, section.sectionId, index);
            swaps += 1;
            const text = draftText(current);
            const coverage = check(text, t.id).analysis.coverage!;
            expect(coverage.sections.flatMap((s) => s.topics.filter((x) => x.required && !x.covered).map((x) => x.id))).toEqual([]);
            const paragraphs = text.split('\n').map((line) => line.replace(/^（[一二三四五六七八九十]+）/, ''));
            expect(new Set(paragraphs).size).toBe(paragraphs.length);
          }
        }),
      );
      expect(swaps).toBeGreaterThan(0);
    }
  });

  it('without any snippet, the scaffold still gives a complete draft', () => {
    const empty = buildDraft({ template, snippets: [], now: NOW });
    const text = draftText(empty);
    const { analysis, blocking, outline } = check(text, template.id);
    expect(empty.opening).toBeUndefined();
    expect(analysis.coverage!.complete).toBe(true);
    expect(outline).toEqual([]);
    for (const f of blocking) expect(text.slice(f.start, f.end)).toMatch(FILL_IN);
    expect(check(fillIn(text), template.id).blocking).toEqual([]);
  });

  it('a user snippet filed under the section that covers a topic is offered for it', () => {
    const mine = {
      id: 'mine',
      title: '主体责任',
      body: '党组书记切实履行第一责任人职责，把意识形态工作纳入党建工作责任制，全年召开党组会议专题研究意识形态工作3次，定期分析研判意识形态领域形势，并向上级党组织专题报告。',
      sectionIds: ['main-work'],
      useCount: 9,
    };
    const withMine = buildDraft({ template, snippets: [...STARTER_SNIPPETS, mine], now: NOW });
    const slots = withMine.sections[0]!.slots.filter((slot) => slot.candidates.some((c) => c.snippetId === 'mine'));
    expect(slots.map((slot) => slot.topicId)).toContain('principal-responsibility');
    expect(buildDraft({ template, snippets: STARTER_SNIPPETS, now: NOW }).sections[0]!.slots[0]!.candidates.some((c) => c.snippetId === 'mine')).toBe(false);
  });
});
