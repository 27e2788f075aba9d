// Recognising a portal's submit (issue 5 item 5) from the event that starts it, cheaply enough to run on every
// click in the page: a closest() walk and a short text test, nothing that grows with the page.
//
// Portals submit in three ways: a native <form> submit (button type=submit, Enter in a field), a library
// button that is not type=submit (Element Plus el-button, antd Button without htmlType, layui's lay-submit)
// whose click handler validates and posts, and plain links styled as buttons. The label is the common thread:
// 提交/上报/报送/保存并提交. antd writes two-character labels with a space (提 交), hence whitespace is ignored.

const SUBMIT_LABEL = /^(?:(?:确认|立即)?(?:提交|上报|报送)|保存并(?:提交|上报|报送))$/;

const CLICKABLE =
  'button, input[type=submit], input[type=button], input[type=image], a, [role=button], [lay-submit], .el-button, .ant-btn, .layui-btn';

/** Longest label text worth testing; a "button" holding a paragraph is not a submit button. */
const MAX_LABEL_LENGTH = 24;

export function isSubmitLabel(text: string): boolean {
  if (text.length > MAX_LABEL_LENGTH * 2) return false;
  return SUBMIT_LABEL.test(text.replace(/[\s\u00a0\u3000]+/g, ''));
}

function labelOf(el: Element): string {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).value || el.getAttribute('aria-label') || '';
  const text = el.textContent ?? '';
  return text.length > MAX_LABEL_LENGTH * 2 ? '' : text || el.getAttribute('aria-label') || '';
}

function isNativeSubmitButton(el: Element): el is HTMLButtonElement | HTMLInputElement {
  if (el.tagName === 'BUTTON') return ((el as HTMLButtonElement).type || 'submit') === 'submit';
  return el.tagName === 'INPUT' && ['submit', 'image'].includes((el as HTMLInputElement).type);
}

/** A form worth checking: it holds a long-text field or an editor (a search or login form does not). */
export function isReportForm(form: HTMLFormElement | null | undefined): boolean {
  return !!form && form.querySelector('textarea, [contenteditable], iframe') !== null;
}

/**
 * The submit control a click landed on, or undefined: a control labelled 提交/上报/报送/保存并提交, a layui
 * lay-submit button, or a native submit button of a report form. Disabled controls do not submit.
 */
export function submitTrigger(target: EventTarget | null): HTMLElement | undefined {
  let el = target as Element | null;
  if (!el || typeof (el as Node).nodeType !== 'number') return undefined;
  if (el.nodeType !== 1) el = (el as Node).parentElement;
  const control = el?.closest?.(CLICKABLE) as HTMLElement | null | undefined;
  if (!control) return undefined;
  if ((control as HTMLButtonElement).disabled || control.getAttribute('aria-disabled') === 'true') return undefined;
  if (control.hasAttribute('lay-submit')) return control;
  if (isSubmitLabel(labelOf(control))) return control;
  if (isNativeSubmitButton(control) && isReportForm(control.form)) return control;
  return undefined;
}
