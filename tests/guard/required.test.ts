import { describe, expect, it } from 'vitest';
import { requiredFieldFindings } from '@/lib/guard/required';
import { blockingFindings } from '@/lib/guard/findings';
import type { PanelField } from '@/lib/panel/bridge';

const field = (key: string, label: string, text: string, required = true, kind = 'textarea'): PanelField => ({ key, label, required, kind, text });

describe('requiredFieldFindings flags', () => {
  it('an empty required field, blocking, at its field, naming its label', () => {
    expect(requiredFieldFindings([field('contact', '联系人', '')])).toEqual([
      expect.objectContaining({ severity: 'blocking', fieldKey: 'contact', messageId: 'checks.requiredEmpty', params: { label: '联系人' } }),
    ]);
  });

  it('a required field holding only spaces and line breaks', () => {
    expect(requiredFieldFindings([field('main', '主要工作情况', ' \n\t ')])).toHaveLength(1);
  });

  it('an unchosen required select (its value is empty)', () => {
    expect(requiredFieldFindings([field('period', '报告期', '', true, 'select')])).toHaveLength(1);
  });
});

describe('requiredFieldFindings accepts', () => {
  it('a filled required field and an empty optional one', () => {
    expect(requiredFieldFindings([field('contact', '联系人', '张三'), field('phone', '联系电话', '', false)])).toEqual([]);
  });
});

describe('the guard on an empty form', () => {
  it('blocks on every empty required field, although no report text is there to check', () => {
    const fields = [field('unit', '单位名称', '', true, 'input'), field('main', '主要工作情况', ''), field('note', '备注', '', false)];
    expect(blockingFindings({ fields, pageTitle: '意识形态工作责任制落实情况报告' }).map((f) => f.fieldKey)).toEqual(['unit', 'main']);
  });
});
