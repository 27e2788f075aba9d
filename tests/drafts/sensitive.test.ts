// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSensitiveField } from '@/lib/drafts/sensitive';

const element = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('isSensitiveField', () => {
  describe('never drafts', () => {
    it.each([
      ['a password input', '<input type="password" name="p">'],
      ['a card number by autocomplete', '<input autocomplete="cc-number" name="x">'],
      ['a card security code by autocomplete', '<input autocomplete="cc-csc">'],
      ['a one-time code by autocomplete', '<input autocomplete="one-time-code">'],
      ['a field named card', '<input name="bankCardNo">'],
      ['a field named otp', '<input id="otp">'],
      ['a 验证码 placeholder', '<input placeholder="请输入短信验证码">'],
      ['a 卡号 aria-label', '<input aria-label="银行卡号">'],
      ['an unmasked password named pwd', '<input type="text" name="pwd">'],
    ])('%s', (_name, html) => {
      expect(isSensitiveField(element(html))).toBe(true);
    });

    it('a field whose discovered label is 银行卡号', () => {
      expect(isSensitiveField(element('<input name="f3">'), '银行卡号')).toBe(true);
    });
  });

  describe('drafts', () => {
    it.each([
      ['the report textarea', '<textarea name="work"></textarea>'],
      ['the unit name', '<input name="unit" autocomplete="organization">'],
      ['a contact name', '<input name="contact" autocomplete="off">'],
      ['a rich editor body', '<div contenteditable="true" aria-label="主要工作情况"></div>'],
    ])('%s', (_name, html) => {
      expect(isSensitiveField(element(html), '主要工作情况')).toBe(false);
    });
  });
});
