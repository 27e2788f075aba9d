import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  REFERENCES_BUDGET,
  addReferenceText,
  deleteReferenceText,
  exportBackup,
  listReferenceTexts,
  restoreBackup,
} from '../../lib/storage';

describe("the user's sample texts", () => {
  it('adds, lists and deletes; the title defaults to the first line', async () => {
    const a = await addReferenceText({ title: '  ', text: '\n关于2025年意识形态工作的报告\n正文。' }, 5);
    expect(a.outcome).toBe('saved');
    expect(a.reference).toMatchObject({ title: '关于2025年意识形态工作的报告', addedAt: 5 });
    const b = await addReferenceText({ title: '范文乙', text: '另一篇' });
    expect((await listReferenceTexts()).map((r) => r.title)).toEqual(['关于2025年意识形态工作的报告', '范文乙']);
    expect(await deleteReferenceText(a.reference!.id)).toBe(true);
    expect((await listReferenceTexts()).map((r) => r.id)).toEqual([b.reference!.id]);
  });

  it('refuses empty, too long and over-budget texts, never dropping one kept', async () => {
    expect((await addReferenceText({ title: 'x', text: '  ' })).outcome).toBe('empty');
    expect((await addReferenceText({ title: 'x', text: '字'.repeat(LIMITS.referenceTextLength + 1) })).outcome).toBe('tooLong');
    const big = '字'.repeat(LIMITS.referenceTextLength);
    for (let i = 0; i < REFERENCES_BUDGET.totalChars / LIMITS.referenceTextLength; i++) {
      expect((await addReferenceText({ title: `第${i}篇`, text: big })).outcome).toBe('saved');
    }
    expect((await addReferenceText({ title: '多一篇', text: '放不下了' })).outcome).toBe('full');
    expect(await listReferenceTexts()).toHaveLength(REFERENCES_BUDGET.totalChars / LIMITS.referenceTextLength);
  });

  it('is in the backup and restored', async () => {
    const { reference } = await addReferenceText({ title: '备份里的范文', text: '正文' });
    const text = await exportBackup();
    await deleteReferenceText(reference!.id);
    expect((await restoreBackup(text)).ok).toBe(true);
    expect(await listReferenceTexts()).toEqual([reference]);
  });
});
