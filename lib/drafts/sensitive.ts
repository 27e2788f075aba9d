// Fields whose contents are never kept as drafts (issue 5 item 6): passwords, payment-card data and one-time
// codes. A draft is stored in plain text in the browser's storage, so anything that is a secret, or that a
// password manager or bank treats as one, stays out. Decided from the element alone (type, autocomplete,
// name/id/placeholder, aria-label) and the label discovery found, so the agent can ask before any storage.

/** autocomplete tokens of secrets: the HTML spec's cc-* family, passwords and one-time codes. */
const SECRET_AUTOCOMPLETE = /(?:^|\s)(?:cc-[a-z-]+|current-password|new-password|one-time-code)(?:\s|$)/i;

/**
 * Names, ids and labels of card numbers, security codes and one-time codes, in the ways portals write them
 * (英文 name 属性 and Chinese labels). 验证码 covers 短信验证码/图形验证码; 口令 and 密码 catch password fields
 * that are type=text (some portals unmask them).
 */
const SECRET_NAME = /card|cvv|cvc|iban|otp|passw|pwd|passcode|one.?time|captcha|verif(?:y|ication).?code|sms.?code|卡号|银行卡|信用卡|安全码|验证码|校验码|动态码|口令|密码/i;

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

/** True when `element` (an input, textarea or editable region) must never be saved as a draft. */
export function isSensitiveField(element: Element, label = ''): boolean {
  if (element.tagName === 'INPUT') {
    const type = attr(element, 'type').toLowerCase();
    if (type === 'password' || type === 'hidden') return true;
  }
  if (SECRET_AUTOCOMPLETE.test(attr(element, 'autocomplete'))) return true;
  const names = [attr(element, 'name'), element.id, attr(element, 'placeholder'), attr(element, 'aria-label'), label];
  return names.some((name) => name !== '' && SECRET_NAME.test(name));
}
