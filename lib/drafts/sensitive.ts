// Fields whose contents are never kept as drafts (issue 5 item 6, issue 9 item 5). A draft is stored in plain
// text in the browser's storage, so anything that opens an account, moves money or identifies a person to an
// authority stays out: passwords and PINs, payment-card data, bank account numbers, identity, social-security and
// passport numbers, security-question answers and one-time codes.
//
// The decision is a table of descriptors, each saying what it matches and why, so a new portal's field is one
// row, and tests/drafts/sensitive.test.ts checks every row both ways. Four kinds of evidence are read:
//  - `type`: the input's type (password, hidden);
//  - `autocomplete`: the HTML autocomplete tokens, which browsers and password managers already treat as secrets;
//  - `name`: the name and id attributes, split into lower-case words ("bankAcctNo" → "bank acct no"), so that a
//    short token such as pin matches the word pin and not "pinyin", "opinion" or "shipping";
//  - `label`: the label discovery found, the placeholder, aria-label and title, with decorations removed (：* and
//    （必填）, 请输入/请填写 in front). Chinese puts the head noun last, so most label patterns are anchored at the
//    end: 登录密码, 新密码, 身份证号码 end in the secret; 密码工作落实情况 or 账号管理工作 (report sections about
//    the work itself) do not, and are drafted.
//
// Not sensitive, on purpose: 联系电话/手机号 and 电子邮箱 (printed on the report itself and asked on every form),
// 账号 or 用户名 alone (a login name is not a secret; the password beside it is), 单位名称, 填报人.

export type SensitiveEvidence = 'type' | 'autocomplete' | 'name' | 'label';

export interface SensitiveDescriptor {
  id: string;
  on: SensitiveEvidence;
  /** Tested against the evidence as prepared by `evidenceOf` (see the header). */
  pattern: RegExp;
  why: string;
}

/** `word(...)`: the alternatives as whole words of a prepared name (" bank acct no "). */
const word = (alternatives: string) => new RegExp(` (?:${alternatives}) `);
/**
 * `compact(...)`: the alternatives in the name with its words joined ("bankacctno"), starting where a word
 * starts, or anywhere for a term of six letters or more (see `joinedMatch`).
 */
const compact = (alternatives: string) => new RegExp(`(?=(${alternatives}))`, 'g');
/** `ends(...)`: a label that ends with one of the alternatives. */
const ends = (alternatives: string) => new RegExp(`(?:${alternatives})$`);
/** `whole(...)`: a label that is one of the alternatives (after decorations are removed). */
const whole = (alternatives: string) => new RegExp(`^(?:${alternatives})$`);
/** An autocomplete token list containing one of the tokens. */
const token = (alternatives: string) => new RegExp(`(?:^|\\s)(?:${alternatives})(?:\\s|$)`, 'i');

export const SENSITIVE_DESCRIPTORS: readonly SensitiveDescriptor[] = [
  // ---- input type ----
  { id: 'type-password', on: 'type', pattern: /^password$/, why: 'A masked password field.' },
  { id: 'type-hidden', on: 'type', pattern: /^hidden$/, why: 'Hidden inputs carry tokens and ids, never text the user typed.' },

  // ---- autocomplete tokens (HTML spec) ----
  { id: 'ac-current-password', on: 'autocomplete', pattern: token('current-password'), why: 'The page says this is the account password.' },
  { id: 'ac-new-password', on: 'autocomplete', pattern: token('new-password'), why: 'A password being set or changed.' },
  { id: 'ac-one-time-code', on: 'autocomplete', pattern: token('one-time-code'), why: 'An SMS or authenticator code.' },
  { id: 'ac-cc-number', on: 'autocomplete', pattern: token('cc-number'), why: 'A payment card number.' },
  { id: 'ac-cc-csc', on: 'autocomplete', pattern: token('cc-csc'), why: 'A card security code (CVV/CVC).' },
  { id: 'ac-cc-exp', on: 'autocomplete', pattern: token('cc-exp|cc-exp-month|cc-exp-year'), why: 'A card expiry date, half of what a card payment needs.' },
  {
    id: 'ac-cc-other',
    on: 'autocomplete',
    pattern: token('cc-name|cc-given-name|cc-additional-name|cc-family-name|cc-type'),
    why: 'The rest of the cc-* family: card data password managers keep in their wallet, never in page storage.',
  },

  // ---- name and id attributes ----
  { id: 'name-password', on: 'name', pattern: compact('password|passwd|passphrase|passcode'), why: 'Password fields, also unmasked ones (type=text).' },
  { id: 'name-pwd', on: 'name', pattern: word('pwd|pswd|pw|dlmm|zfmm|jymm|xmm|ymm|qrmm'), why: 'Password abbreviations, also pinyin initials (登录密码 dlmm, 支付密码 zfmm, 交易密码 jymm, 新/原/确认密码).' },
  { id: 'name-pin', on: 'name', pattern: word('pin|pincode|pin code|pinno'), why: 'A PIN, matched as a word so pinyin, opinion and shipping are not.' },
  { id: 'name-cvv', on: 'name', pattern: word('cvv|cvv2|cvc|cvc2|csc|cvn'), why: 'Card security codes.' },
  { id: 'name-captcha', on: 'name', pattern: compact('captcha|imgcode|imagecode|picode|txyzm'), why: 'Picture captchas (txyzm 图形验证码): worthless later, and never report text.' },
  { id: 'name-security-code', on: 'name', pattern: compact('securitycode|seccode|cardcode'), why: 'Card security codes under their long names.' },
  { id: 'name-id-number', on: 'name', pattern: compact('idcard|idno|idnumber|identitycard|identityno|identitynumber|nationalid|sfz|sfzh|sfzhm|zjhm|certno|certificateno'), why: 'Identity and certificate numbers (sfzh 身份证号, zjhm 证件号码).' },
  { id: 'name-card-number', on: 'name', pattern: compact('cardno|cardnum|cardnumber|ccnum|ccnumber|creditcard|debitcard|bankcard|yhkh'), why: 'Card numbers (yhkh: 银行卡号 in pinyin initials).' },
  { id: 'name-card-expiry', on: 'name', pattern: compact('ccexp|cardexp|cardexpiry|expirydate|expdate'), why: 'Card expiry dates.' },
  { id: 'name-bank-account', on: 'name', pattern: compact('bankaccount|bankacct|bankacc|acctno|acctnum|accountnumber|iban|yhzh|khzh|khhzh|zhhm'), why: 'Bank account numbers (yhzh 银行账号, khzh/khhzh 开户行账号, zhhm 账户号码).' },
  { id: 'name-otp', on: 'name', pattern: word('otp|totp|hotp|mfa|2fa|onetime|one time'), why: 'One-time codes.' },
  { id: 'name-verification-code', on: 'name', pattern: compact('verifycode|verificationcode|verifcode|checkcode|authcode|validcode|validatecode|smscode|vcode|yzm|dxyzm|dtkl'), why: 'Verification, SMS and dynamic codes (yzm 验证码, dxyzm 短信验证码, dtkl 动态口令).' },
  { id: 'name-social-security', on: 'name', pattern: compact('socialsecurity|sbkh|ybkh|medicalcard|insurancecard'), why: 'Social-security and medical-insurance card numbers (sbkh 社保卡号, ybkh 医保卡号).' },
  { id: 'name-passport', on: 'name', pattern: compact('passport|hzhm'), why: 'Passport numbers (hzhm 护照号码).' },
  { id: 'name-security-answer', on: 'name', pattern: compact('securityanswer|secanswer|secretanswer|securityquestion|secretquestion|mbwt|mbda|aqwt|aqda'), why: 'Security questions and their answers (密保问题 mbwt, 密保答案 mbda, 安全问题 aqwt).' },
  { id: 'name-ssn', on: 'name', pattern: word('ssn|sin|tin'), why: 'Social-security and tax identification numbers, as words (className is not one).' },
  { id: 'name-secret', on: 'name', pattern: word('secret|token|apikey|api key|privatekey|private key'), why: 'Secrets and tokens, matched as words so secretary and secrecy are not.' },

  // ---- labels, placeholders, aria-label, title ----
  { id: 'label-password', on: 'label', pattern: ends('密码|口令|密碼|password|passcode'), why: 'Any label ending in 密码/口令: 登录密码, 新密码, 确认密码, 支付密码, 交易密码.' },
  { id: 'label-pin', on: 'label', pattern: ends('pin码|pin|个人识别码|取款密码'), why: 'PIN codes of cards and devices.' },
  { id: 'label-security-answer', on: 'label', pattern: whole('(?:密保|安全)问题[一二三123]?(?:的)?(?:答案)?|密保答案|密保问题答案|安全问题答案|问题答案|securityanswer|securityquestion'), why: 'Security questions and answers, only as the whole label so 存在的安全问题 (a report section) is drafted.' },
  { id: 'label-social-security', on: 'label', pattern: ends('社保卡号|社会保障卡号|社会保障号码|社保号|医保卡号|医保号|医疗保险卡号'), why: 'Social-security and medical-insurance numbers.' },
  { id: 'label-bank-card', on: 'label', pattern: ends('银行卡号|银行卡号码|卡号|信用卡号|借记卡号|储蓄卡号|cardnumber'), why: 'Card numbers.' },
  { id: 'label-bank-account', on: 'label', pattern: ends('银行账号|银行帐号|银行账户|银行帐户|开户行账号|开户行帐号|开户账号|开户帐号|对公账号|收款账号|收款帐号|付款账号|账户号|帐户号|账户号码|帐户号码|银行账户号码'), why: 'Bank account numbers. 账号 alone is a login name and is drafted; 账号管理工作 does not end in one of these.' },
  { id: 'label-id-number', on: 'label', pattern: ends('身份证|身份证号|身份证号码|公民身份号码|证件号|证件号码|证件编号|身份证件号码'), why: 'Identity and certificate numbers.' },
  { id: 'label-other-id-documents', on: 'label', pattern: ends('军官证号|士兵证号|港澳通行证|台胞证号|居住证号|驾驶证号|驾驶证号码'), why: 'Other identity documents a portal may ask for.' },
  { id: 'label-passport', on: 'label', pattern: ends('护照号|护照号码|通行证号|通行证号码'), why: 'Passport and travel-permit numbers.' },
  { id: 'label-verification-code', on: 'label', pattern: ends('验证码|校验码|短信码|动态码|动态口令|动态密码|确认码|激活码|授权码|captcha|verificationcode|smscode'), why: 'Verification, SMS and dynamic codes.' },
  { id: 'label-one-time-code', on: 'label', pattern: ends('一次性密码|一次性验证码|one-timecode|otp'), why: 'One-time codes.' },
  { id: 'label-cvv', on: 'label', pattern: ends('安全码|cvv|cvv2|cvc|cvn|卡背面后三位|卡验证码'), why: 'Card security codes.' },
  { id: 'label-card-security-en', on: 'label', pattern: ends('securitycode|cardverificationcode|cardverificationvalue'), why: 'Card security codes on English-language pages.' },
  { id: 'label-card-expiry', on: 'label', pattern: whole('有效期|卡有效期|信用卡有效期|有效期至|有效期（月/年）|expirydate|expirationdate|validthru'), why: 'Card expiry dates; only as the whole label, so 政策有效期说明 is drafted.' },
  { id: 'label-private-key', on: 'label', pattern: ends('私钥|密钥|秘钥|证书密码|ukey密码|u盾密码'), why: 'Keys and certificate passwords.' },
];

/** The name/id attribute as lower-case words: "bankAcctNo" → ["bank", "acct", "no"]. */
function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}

/**
 * A compact descriptor's term in the joined words, where it starts at a word start ("idNo" → "idno") or is
 * six letters or longer ("userbankcardno"). Short terms inside a word are chance: "validNote" holds "idno".
 */
function joinedMatch(pattern: RegExp, words: readonly string[]): boolean {
  const joined = words.join('');
  const starts = new Set<number>();
  let at = 0;
  for (const part of words) {
    starts.add(at);
    at += part.length;
  }
  for (const match of joined.matchAll(pattern)) {
    const term = match[1] ?? '';
    if (term !== '' && (starts.has(match.index) || term.length >= 6)) return true;
  }
  return false;
}

/** A label without its decorations: spaces, ：* (必填) and the 请输入/请填写 in front. */
export function cleanLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：。.·!！?？]+/g, '')
    .replace(/^(?:请(?:再次|重新)?(?:输入|填写|填入|选择)|再次输入|重新输入|输入)/, '');
}

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

/** A single-line input, where secrets are typed; textareas and rich editors hold prose (see `matches`). */
function isSingleLine(element: Element): boolean {
  return element.tagName === 'INPUT';
}

function matches(descriptor: SensitiveDescriptor, element: Element, label: string): boolean {
  switch (descriptor.on) {
    case 'type':
      return element.tagName === 'INPUT' && descriptor.pattern.test(attr(element, 'type').toLowerCase());
    case 'autocomplete':
      return descriptor.pattern.test(attr(element, 'autocomplete'));
    case 'name':
      return [attr(element, 'name'), element.id].some((value) => {
        const words = wordsOf(value);
        if (words.length === 0) return false;
        return descriptor.pattern.global ? joinedMatch(descriptor.pattern, words) : descriptor.pattern.test(` ${words.join(' ')} `);
      });
    case 'label':
      // A password, code or number is typed into one line. A textarea or rich editor labelled 商用密码 or
      // 身份证件管理 is a report section about that work, and its prose is exactly what drafts are for.
      if (!isSingleLine(element)) return false;
      return [label, attr(element, 'placeholder'), attr(element, 'aria-label'), attr(element, 'title')]
        .map(cleanLabel)
        .some((value) => value !== '' && descriptor.pattern.test(value));
  }
}

/** The descriptor that makes `element` sensitive, or undefined: for tests and for saying why. */
export function sensitiveMatch(element: Element, label = ''): SensitiveDescriptor | undefined {
  return SENSITIVE_DESCRIPTORS.find((descriptor) => matches(descriptor, element, label));
}

/** True when `element` (an input, textarea or editable region) must never be saved as a draft. */
export function isSensitiveField(element: Element, label = ''): boolean {
  return sensitiveMatch(element, label) !== undefined;
}
