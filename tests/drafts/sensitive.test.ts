// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SENSITIVE_DESCRIPTORS, cleanLabel, isSensitiveField, sensitiveMatch } from '@/lib/drafts/sensitive';

const element = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

/** [what, html, discovered label, the descriptor expected to catch it]. */
const SENSITIVE: ReadonlyArray<[string, string, string, string]> = [
  ['a password input', '<input type="password" name="p">', '', 'type-password'],
  ['a hidden input', '<input type="hidden" name="token">', '', 'type-hidden'],
  ['autocomplete current-password', '<input autocomplete="current-password" name="x1">', '', 'ac-current-password'],
  ['autocomplete new-password', '<input autocomplete="new-password" name="x2">', '', 'ac-new-password'],
  ['autocomplete one-time-code', '<input autocomplete="one-time-code" name="x3">', '', 'ac-one-time-code'],
  ['autocomplete cc-number', '<input autocomplete="cc-number" name="x4">', '', 'ac-cc-number'],
  ['autocomplete cc-csc', '<input autocomplete="cc-csc" name="x5">', '', 'ac-cc-csc'],
  ['autocomplete cc-exp-month', '<input autocomplete="billing cc-exp-month" name="x6">', '', 'ac-cc-exp'],
  ['autocomplete cc-name', '<input autocomplete="cc-name" name="x7">', '', 'ac-cc-other'],
  ['an unmasked field named password', '<input type="text" name="userPassword">', '', 'name-password'],
  ['an unmasked field named pwd', '<input type="text" name="pwd">', '', 'name-pwd'],
  ['支付密码 in pinyin initials', '<input name="zfmm">', '', 'name-pwd'],
  ['a field named pin', '<input name="card_pin">', '', 'name-pin'],
  ['a field named cvv2', '<input id="cvv2">', '', 'name-cvv'],
  ['a field named bankCardNo', '<input name="bankCardNo">', '', 'name-card-number'],
  ['银行卡号 in pinyin initials', '<input name="yhkh">', '', 'name-card-number'],
  ['a field named cardExpiry', '<input name="cardExpiry">', '', 'name-card-expiry'],
  ['a field named bankAccount', '<input name="bankAccount">', '', 'name-bank-account'],
  ['开户行账号 in pinyin initials', '<input name="khhzh">', '', 'name-bank-account'],
  ['a field named otp', '<input id="otp">', '', 'name-otp'],
  ['a field named smsCode', '<input name="smsCode">', '', 'name-verification-code'],
  ['验证码 in pinyin initials', '<input name="yzm">', '', 'name-verification-code'],
  ['a field named idCardNo', '<input name="idCardNo">', '', 'name-id-number'],
  ['身份证号 in pinyin initials', '<input name="sfzh">', '', 'name-id-number'],
  ['社保卡号 in pinyin initials', '<input name="sbkh">', '', 'name-social-security'],
  ['a field named passportNo', '<input name="passportNo">', '', 'name-passport'],
  ['a field named securityAnswer', '<input name="securityAnswer">', '', 'name-security-answer'],
  ['a field named ssn', '<input name="ssn">', '', 'name-ssn'],
  ['a field named apiToken', '<input name="apiToken">', '', 'name-secret'],
  ['the label 登录密码', '<input name="f1">', '登录密码', 'label-password'],
  ['the label 确认新密码：', '<input name="f2">', '确认新密码：', 'label-password'],
  ['the label PIN码', '<input name="f3">', 'PIN码', 'label-pin'],
  ['the label 安全问题答案', '<input name="f4">', '安全问题答案', 'label-security-answer'],
  ['the label 密保问题', '<input name="f5">', '密保问题', 'label-security-answer'],
  ['the label 银行卡号', '<input name="f6">', '银行卡号', 'label-bank-card'],
  ['the label 银行账号', '<input name="f7">', '银行账号', 'label-bank-account'],
  ['the label 开户行账号 with 必填', '<input name="f8">', '开户行账号（必填）*', 'label-bank-account'],
  ['the label 账户号', '<input name="f9">', '账户号', 'label-bank-account'],
  ['the label 身份证号码', '<input name="f10">', '身份证号码', 'label-id-number'],
  ['the label 证件号码', '<input name="f11">', '证件号码', 'label-id-number'],
  ['the label 社保卡号', '<input name="f12">', '社保卡号', 'label-social-security'],
  ['the label 医保卡号', '<input name="f13">', '医保卡号', 'label-social-security'],
  ['the label 护照号码', '<input name="f14">', '护照号码', 'label-passport'],
  ['a 短信验证码 placeholder', '<input name="f15" placeholder="请输入短信验证码">', '', 'label-verification-code'],
  ['the label 动态口令', '<input name="f16">', '动态口令', 'label-password'],
  ['the label 一次性验证码', '<input name="f17">', '一次性验证码', 'label-verification-code'],
  ['the label CVV', '<input name="f18">', 'CVV', 'label-cvv'],
  ['the label 卡有效期', '<input name="f19">', '卡有效期', 'label-card-expiry'],
  ['the label 证书私钥', '<input name="f20">', '证书私钥', 'label-private-key'],
  ['a picture captcha named imgCode', '<input name="imgCode">', '', 'name-captcha'],
  ['a field named securityCode', '<input name="securityCode">', '', 'name-security-code'],
  ['the label 港澳通行证', '<input name="f22">', '港澳通行证', 'label-other-id-documents'],
  ['the label Security code', '<input name="f23">', 'Security code', 'label-card-security-en'],
  ['a 卡号 aria-label', '<input name="f21" aria-label="信用卡号">', '', 'label-bank-card'],
];

/** Ordinary report and form fields that must be drafted: [what, html, discovered label]. */
const ORDINARY: ReadonlyArray<[string, string, string]> = [
  ['主要工作情况 (textarea)', '<textarea name="work"></textarea>', '主要工作情况'],
  ['存在的问题', '<textarea name="problems"></textarea>', '存在的问题'],
  ['下一步工作打算', '<textarea name="plans"></textarea>', '下一步工作打算'],
  ['存在的安全问题 (a report section, not a security question)', '<textarea name="safety"></textarea>', '存在的安全问题'],
  ['商用密码应用情况 (a report topic)', '<textarea name="crypto"></textarea>', '商用密码应用情况'],
  ['商用密码 as a textarea label', '<textarea name="mmgz"></textarea>', '商用密码'],
  ['账号管理工作 (a report section)', '<textarea name="accounts"></textarea>', '账号管理工作'],
  ['工作账号说明', '<input name="accountNote">', '工作账号说明'],
  ['单位名称', '<input name="unit" autocomplete="organization">', '单位名称'],
  ['填报人', '<input name="reporter" autocomplete="name">', '填报人'],
  ['联系电话: printed on the report itself', '<input name="phone" type="tel" autocomplete="tel">', '联系电话'],
  ['电子邮箱', '<input name="email" type="email" autocomplete="email">', '电子邮箱'],
  ['a login name (账号 alone)', '<input name="account">', '账号'],
  ['a pinyin field name (not pin)', '<input name="pinyinName">', '姓名拼音'],
  ['an opinion field (not pin)', '<textarea name="opinion"></textarea>', '意见建议'],
  ['a className-like name (not ssn)', '<input name="className">', '班级名称'],
  ['a validNote name (not idNo)', '<input name="validNote">', '备注'],
  ['政策有效期说明 (not a card expiry)', '<input name="policy">', '政策有效期说明'],
  ['保密工作 (not a secret)', '<textarea name="secrecyWork"></textarea>', '保密工作落实情况'],
  ['a rich editor labelled 主要工作情况', '<div contenteditable="true" aria-label="主要工作情况"></div>', '主要工作情况'],
  ['the report title', '<input name="title">', '报告标题'],
  ['the report period', '<input name="period">', '报告期'],
];

describe('sensitive-field table', () => {
  it('has at least 40 descriptors, each with a reason and a unique id', () => {
    expect(SENSITIVE_DESCRIPTORS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SENSITIVE_DESCRIPTORS.map((d) => d.id)).size).toBe(SENSITIVE_DESCRIPTORS.length);
    for (const descriptor of SENSITIVE_DESCRIPTORS) expect(descriptor.why.length).toBeGreaterThan(10);
  });

  it('every descriptor is exercised by at least one sensitive case below', () => {
    const covered = new Set(SENSITIVE.map(([, , , id]) => id));
    const uncovered = SENSITIVE_DESCRIPTORS.map((d) => d.id).filter((id) => !covered.has(id));
    // label-one-time-code overlaps label-verification-code, which catches 一次性验证码 first.
    expect(uncovered).toEqual(['label-one-time-code']);
  });

  describe('never drafts', () => {
    it.each(SENSITIVE)('%s', (_what, html, label, id) => {
      expect(sensitiveMatch(element(html), label)?.id).toBe(id);
      expect(isSensitiveField(element(html), label)).toBe(true);
    });

    it('the label 一次性密码 (a one-time password)', () => {
      expect(isSensitiveField(element('<input name="g1">'), '一次性密码')).toBe(true);
    });
  });

  describe('drafts', () => {
    it.each(ORDINARY)('%s', (_what, html, label) => {
      expect(sensitiveMatch(element(html), label)).toBeUndefined();
    });
  });

  it('takes the decorations off a label before matching', () => {
    expect(cleanLabel('* 开户行账号（必填）：')).toBe('开户行账号');
    expect(cleanLabel('请再次输入密码')).toBe('密码');
  });
});
