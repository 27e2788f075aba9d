// Label, required flag and length limit of a form field, read from the markup portals actually use: plain
// label[for] and wrapping labels, ARIA, the form-item labels of Element Plus/Element UI, Ant Design and layui,
// table layouts of older OA systems (label in the cell to the left, or in the header cell above), dl/dt/dd,
// and as a last resort the placeholder. Issue 5 item 1.
//
// The label is what the user sees beside the field (issue 10 item 11): the panel says "将插入到：<label>" and the
// submit guard names fields by it. So every visible source — even a <label> separated from an editor's editable
// by its toolbar and the hidden textarea — outranks aria-label, which rich editors fill with their own name
// ("富文本编辑器。编辑区域：main"), and the placeholder, which editors show in the empty editable.
//
// Discovery calls these for every field of a page, so nothing here may scan the whole document per field:
// `LabelIndex` is built once per document and label[for] lookups go through it.

export type LabelSource =
  | 'aria-labelledby'
  | 'aria-label'
  | 'label-for'
  | 'label-wrap'
  | 'form-item'
  | 'table-left'
  | 'table-header'
  | 'dt'
  | 'preceding'
  | 'placeholder'
  | 'title'
  | 'none';

export interface LabelInfo {
  text: string;
  source: LabelSource;
  /** The element the text came from, when there is one (used for required markers). */
  element?: Element;
}

export interface LabelIndex {
  byFor: Map<string, HTMLLabelElement>;
}

const FORM_ITEM = '.el-form-item, .ant-form-item, .layui-form-item';
const FORM_ITEM_LABEL = '.el-form-item__label, .ant-form-item-label, .layui-form-label';
const CONTROL = 'input, textarea, select, button, [contenteditable], iframe';
const MAX_LABEL = 40;
const REQUIRED_MARK = /^[\s*＊]+|[\s*＊]+$/g;

/** What surrounds a field, found in one walk up its ancestors (discovery does this for 2,000 fields at once). */
export interface Surroundings {
  /** The Element Plus / Ant Design / layui form item. */
  item: Element | null;
  label: HTMLLabelElement | null;
  cell: HTMLTableCellElement | null;
  dd: Element | null;
  /** An ancestor carrying a data-count attribute (Ant Design showCount). */
  counted: Element | null;
  /** A custom select widget (el-select, ant-select, cascaders, layui's select title). */
  selectWidget: Element | null;
  /** The outer element of a known rich-text editor. */
  editorRoot: Element | null;
}

const ITEM_CLASS = /(?:^|\s)(?:el-form-item|ant-form-item|layui-form-item)(?:\s|$)/;
const SELECT_CLASS = /(?:^|\s)(?:el-select|ant-select|el-cascader|ant-cascader|layui-form-select)(?:\s|$)/;
/** Outer elements of rich-text editors, by class (discovery.ts EDITOR_ROOTS names the same ones). */
const EDITOR_CLASS = /(?:^|\s)(?:tox-tinymce|cke|ck-editor|ql-container|w-e-text-container|ke-container|edui-editor)(?:\s|$)/;

const NOTHING_AROUND: Surroundings = Object.freeze({
  item: null,
  label: null,
  cell: null,
  dd: null,
  counted: null,
  selectWidget: null,
  editorRoot: null,
});

/**
 * Surroundings of `anchor`: the nearest of each kind of ancestor. `cache` (one Map per discovery pass) holds
 * the answer for every ancestor already seen, so that fields sharing a form pay for the shared part once.
 */
export function surroundingsOf(anchor: Element, cache?: Map<Element, Surroundings>): Surroundings {
  const cached = cache?.get(anchor);
  if (cached) return cached;
  const tag = anchor.tagName;
  const parent = anchor.parentElement;
  const above = tag === 'BODY' || !parent ? NOTHING_AROUND : surroundingsOf(parent, cache);
  const className = typeof anchor.className === 'string' ? anchor.className : anchor.getAttribute('class') ?? '';
  let found = above;
  const own =
    tag === 'LABEL' ||
    tag === 'TD' ||
    tag === 'TH' ||
    tag === 'DD' ||
    (className !== '' && (ITEM_CLASS.test(className) || SELECT_CLASS.test(className) || EDITOR_CLASS.test(className))) ||
    anchor.hasAttribute('data-count');
  if (own) {
    found = {
      item: className && ITEM_CLASS.test(className) ? anchor : above.item,
      label: tag === 'LABEL' ? (anchor as HTMLLabelElement) : above.label,
      cell: tag === 'TD' || tag === 'TH' ? (anchor as HTMLTableCellElement) : above.cell,
      dd: tag === 'DD' ? anchor : above.dd,
      counted: anchor.hasAttribute('data-count') ? anchor : above.counted,
      selectWidget: className && SELECT_CLASS.test(className) ? anchor : above.selectWidget,
      editorRoot: className && EDITOR_CLASS.test(className) ? anchor : above.editorRoot,
    };
  }
  cache?.set(anchor, found);
  return found;
}

export function buildLabelIndex(doc: Document): LabelIndex {
  const byFor = new Map<string, HTMLLabelElement>();
  for (const label of Array.from(doc.querySelectorAll<HTMLLabelElement>('label[for]'))) {
    const id = label.getAttribute('for');
    if (id && !byFor.has(id)) byFor.set(id, label);
  }
  return { byFor };
}

/** Text of `el` without the text of form controls inside it (a select's options inside its label). */
export function ownText(el: Element): string {
  if (!el.querySelector(CONTROL)) return el.textContent ?? '';
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(CONTROL)) walk(child);
    }
  };
  walk(el);
  return text;
}

/** Collapses whitespace and drops required asterisks and the trailing colon: ' * 单位名称：' → '单位名称'. */
export function cleanLabel(raw: string): string {
  let text = raw.replace(/\s+/g, ' ').trim();
  text = text.replace(REQUIRED_MARK, '');
  text = text.replace(/[:：]\s*$/, '').replace(REQUIRED_MARK, '').trim();
  return text.length > MAX_LABEL ? text.slice(0, MAX_LABEL) : text;
}

function hasStar(el: Element | undefined): boolean {
  if (!el) return false;
  const text = ownText(el).trim();
  return text.startsWith('*') || text.startsWith('＊') || text.endsWith('*') || text.endsWith('＊');
}

function fromElement(el: Element | null | undefined, source: LabelSource): LabelInfo | undefined {
  if (!el) return undefined;
  const text = cleanLabel(ownText(el));
  return text ? { text, source, element: el } : undefined;
}

function tableLabel(cell: HTMLTableCellElement): LabelInfo | undefined {
  // The nearest cell to the left with text and no control of its own.
  for (let left = cell.previousElementSibling; left; left = left.previousElementSibling) {
    if (left.querySelector(CONTROL)) continue;
    const found = fromElement(left, 'table-left');
    if (found) return found;
  }
  // Otherwise the cell above in the same column (a header row over a full-width field).
  const row = cell.parentElement as HTMLTableRowElement | null;
  if (!row) return undefined;
  let column = 0;
  for (let c = row.firstElementChild; c && c !== cell; c = c.nextElementSibling) column += (c as HTMLTableCellElement).colSpan || 1;
  let above = row.previousElementSibling as HTMLTableRowElement | null;
  if (!above && row.parentElement?.tagName === 'TBODY') {
    const head = row.parentElement.previousElementSibling;
    if (head?.tagName === 'THEAD') above = head.lastElementChild as HTMLTableRowElement | null;
  }
  if (!above) return undefined;
  let at = 0;
  for (let c = above.firstElementChild; c; c = c.nextElementSibling) {
    const span = (c as HTMLTableCellElement).colSpan || 1;
    if (column < at + span) return c.querySelector(CONTROL) ? undefined : fromElement(c, 'table-header');
    at += span;
  }
  return undefined;
}

/** Editor toolbars and menu bars, by role, class or id (Quill .ql-toolbar, wangEditor #toolbar-container, UEditor .edui-editor-toolbarbox, KindEditor .ke-toolbar). */
const TOOLBAR = /toolbar|tool-bar|menubar|menu-bar/i;

/** Elements between a label and its field that a user does not read as text: toolbars, hidden sources, scripts. */
function passedOver(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'BR') return true;
  if (tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  const html = el as HTMLElement;
  if (html.hidden || html.style?.display === 'none' || el.getAttribute('aria-hidden') === 'true') return true;
  if (isToolbar(el)) return true;
  // A toolbar inside a wrapper the page made for it (<div id="tb"><div class="w-e-toolbar">…).
  const first = el.firstElementChild;
  return !!first && first === el.lastElementChild && isToolbar(first);
}

function isToolbar(el: Element): boolean {
  if (el.getAttribute('role') === 'toolbar' || el.getAttribute('role') === 'menubar') return true;
  const className = typeof el.className === 'string' ? el.className : '';
  return TOOLBAR.test(className) || TOOLBAR.test(el.id);
}

/**
 * A short text-only element before the field (or before one of its first ancestors): a hand-written label.
 * Toolbars, hidden textareas and wrapper divs between the label and an editor are passed over, since portals
 * put `<label>正文</label>` above the editor's toolbar.
 */
function precedingLabel(anchor: Element): LabelInfo | undefined {
  let node: Element | null = anchor;
  for (let depth = 0; node && depth < 5; depth++, node = node.parentElement) {
    if (node.matches('form, body, td, th, dd, ' + FORM_ITEM)) return undefined;
    let sibling = node.previousElementSibling;
    for (let steps = 0; sibling && steps < 4; steps++, sibling = sibling.previousElementSibling) {
      if (passedOver(sibling)) continue;
      if (sibling.matches(CONTROL) || sibling.querySelector(CONTROL)) return undefined;
      const text = cleanLabel(sibling.textContent ?? '');
      if (text && text.length <= 20) return { text, source: 'preceding', element: sibling };
      if (text) return undefined;
    }
  }
  return undefined;
}

/**
 * Names rich editors give their editable region, which say "an editor" rather than which field it is: CKEditor 5
 * "富文本编辑器。编辑区域：main. 按 Alt+0 获取帮助。" / "Rich Text Editor. Editing area: main", CKEditor 4
 * "编辑器, f-work", TinyMCE "Rich Text Area". Used only when the page offers nothing else, not even a placeholder.
 */
const GENERIC_EDITOR_NAME = /rich\s*text|editor|editing\s*area|编辑器|编辑区|富文本|alt\s*\+\s*0/i;

/** True where the page renders `el` (Chromium: checkVisibility; without layout, as in happy-dom: hidden/display). */
function shown(el: Element): boolean {
  const doc = el.ownerDocument;
  const body = doc.body;
  const withCheck = el as Element & { checkVisibility?: () => boolean };
  if (body && typeof withCheck.checkVisibility === 'function' && body.getBoundingClientRect().width > 0) return withCheck.checkVisibility();
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (node.hasAttribute('hidden') || (style && (style.display === 'none' || style.visibility === 'hidden'))) return false;
  }
  return true;
}

function labelledByText(owner: Element): { text: string; first: Element | undefined; visible: boolean } | undefined {
  const ids = owner.getAttribute('aria-labelledby');
  if (!ids) return undefined;
  const doc = owner.ownerDocument;
  const targets = ids
    .split(/\s+/)
    .map((id) => (id ? doc.getElementById(id) : null))
    .filter((el): el is HTMLElement => !!el);
  const text = cleanLabel(targets.map((el) => el.textContent ?? '').join(' '));
  if (!text) return undefined;
  return { text, first: targets[0], visible: targets.some(shown) };
}

/**
 * Infers the label of `field`. `anchor` is the element whose surroundings carry the label (for a rich editor,
 * its outer container), and `source` the element the editor replaced (a hidden textarea), if any.
 *
 * What the user sees next to the field wins: aria-labelledby pointing at shown text, label[for] (on the field,
 * the source it replaced, or the editor's container, which keeps the id the page created the editor on), a
 * wrapping label, the form item's label, the table cell, dt, a preceding label. Only then names the user does
 * not see: aria-label (an editor's own aria-label names the editor, not the field), hidden labelledby text,
 * the placeholder, the title, and last the generic names editors give themselves.
 */
export function inferLabel(
  field: Element,
  index: LabelIndex,
  anchor: Element = field,
  source?: Element,
  around: Surroundings = surroundingsOf(anchor),
): LabelInfo {
  const item = around.item;
  const owners = source ? [source, field] : [field];
  const all = anchor !== field && anchor !== source ? [...owners, anchor] : owners;
  let unseen: LabelInfo | undefined;
  for (const owner of all) {
    const byIds = labelledByText(owner);
    if (byIds?.visible) return { text: byIds.text, source: 'aria-labelledby', element: byIds.first };
    if (byIds && !unseen) unseen = { text: byIds.text, source: 'aria-labelledby' };
    const id = owner.id;
    const byFor = id ? fromElement(index.byFor.get(id), 'label-for') : undefined;
    if (byFor) return byFor;
  }
  for (const owner of owners) {
    const wrap = fromElement(owner === anchor ? around.label : owner.closest('label'), 'label-wrap');
    if (wrap) return wrap;
  }
  if (anchor !== field && anchor !== source && around.label) {
    const wrap = fromElement(around.label, 'label-wrap');
    if (wrap) return wrap;
  }
  if (item) {
    const labelEl = item.querySelector(FORM_ITEM_LABEL);
    const found = fromElement(labelEl?.querySelector('label') ?? labelEl, 'form-item');
    if (found) return found;
  }
  const cell = around.cell;
  if (cell) {
    const found = tableLabel(cell);
    if (found) return found;
  }
  const dd = around.dd;
  if (dd) {
    let dt = dd.previousElementSibling;
    while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
    const found = fromElement(dt, 'dt');
    if (found) return found;
  }
  const preceding = precedingLabel(anchor);
  if (preceding) return preceding;

  // Nothing visible: names only assistive technology or an empty field shows. An editor's own name goes last.
  const rich = anchor !== field || !(field.tagName === 'INPUT' || field.tagName === 'TEXTAREA' || field.tagName === 'SELECT');
  const generic = (text: string) => rich && GENERIC_EDITOR_NAME.test(text);
  let editorName: LabelInfo | undefined;
  const candidates: LabelInfo[] = [];
  for (const owner of owners) {
    const aria = cleanLabel(owner.getAttribute('aria-label') ?? '');
    if (aria) candidates.push({ text: aria, source: 'aria-label' });
  }
  if (unseen) candidates.push(unseen);
  for (const candidate of candidates) {
    if (!generic(candidate.text)) return candidate;
    editorName ??= candidate;
  }
  for (const owner of owners) {
    const placeholder = cleanLabel(owner.getAttribute('placeholder') ?? owner.getAttribute('data-placeholder') ?? '');
    if (placeholder) return { text: placeholder.replace(/^请(输入|填写|选择)/, '') || placeholder, source: 'placeholder' };
  }
  // Editors put their placeholder on the editable's first paragraph (CKEditor 5, TinyMCE) or on an inner node.
  if (rich) {
    const inner = field.querySelector('[data-placeholder]');
    const placeholder = cleanLabel(inner?.getAttribute('data-placeholder') ?? '');
    if (placeholder) return { text: placeholder.replace(/^请(输入|填写|选择)/, '') || placeholder, source: 'placeholder' };
  }
  for (const owner of owners) {
    const title = cleanLabel(owner.getAttribute('title') ?? '');
    if (title && !generic(title)) return { text: title, source: 'title' };
    if (title) editorName ??= { text: title, source: 'title' };
  }
  return editorName ?? { text: '', source: 'none' };
}

/** True when the field, its form item or its label marks it as required. */
export function isRequired(
  field: Element,
  label: LabelInfo,
  anchor: Element = field,
  source?: Element,
  around: Surroundings = surroundingsOf(anchor),
): boolean {
  const item = around.item;
  for (const owner of source ? [source, field] : [field]) {
    if ((owner as HTMLInputElement).required || owner.hasAttribute('required')) return true;
    if (owner.getAttribute('aria-required') === 'true') return true;
    const verify = owner.getAttribute('lay-verify');
    if (verify && verify.split('|').includes('required')) return true;
  }
  if (item) {
    if (item.classList.contains('is-required')) return true;
    if (item.querySelector('.ant-form-item-required')) return true;
  }
  if (label.element) {
    if (label.element.classList.contains('ant-form-item-required') || label.element.querySelector('.ant-form-item-required, .req, .required, .is-required')) return true;
    if (label.element.classList.contains('req') || label.element.classList.contains('required')) return true;
    if (hasStar(label.element)) return true;
  }
  return false;
}

const COUNTER = /(\d+)\s*\/\s*(\d+)/;
const WHOLE_COUNTER = /^\s*\d+\s*\/\s*(\d+)\s*$/;

/**
 * The limit shown by a word-limit counter next to the field ("0 / 500" of Element Plus show-word-limit, Ant
 * Design showCount, or a page's own counter), looked up in the field's form item or its parent.
 */
export function counterLimit(
  anchor: Element,
  around: Surroundings = surroundingsOf(anchor),
  counters: Map<Element, number> = buildCounterIndex(anchor.ownerDocument),
): number | undefined {
  const scope = around.item ?? anchor.parentElement;
  if (!scope) return undefined;
  // A counter right after the field ("12 / 500" under a textarea), whatever its class.
  for (let node: Element | null = anchor, depth = 0; node && depth < 2; node = node.parentElement, depth++) {
    const next = node.nextElementSibling;
    const match = next && next.childElementCount === 0 ? WHOLE_COUNTER.exec(next.textContent ?? '') : null;
    if (match) return Number(match[1]);
  }
  const counted = around.counted?.getAttribute('data-count');
  const fromAttr = counted ? COUNTER.exec(counted) : null;
  if (fromAttr) return Number(fromAttr[2]);
  return counters.get(scope);
}

const COUNTER_SELECTOR = '[class*="count"], [class*="limit"], [class*="Count"]';

/**
 * Word-limit counters of a whole document, found with one query: the limit each shows, keyed by every element
 * that may be a field's scope (its form item, or its first ancestors when there is no form item).
 */
export function buildCounterIndex(doc: Document, cache?: Map<Element, Surroundings>): Map<Element, number> {
  const limits = new Map<Element, number>();
  for (const el of Array.from(doc.querySelectorAll(COUNTER_SELECTOR))) {
    const match = COUNTER.exec(el.getAttribute('data-count') ?? el.textContent ?? '');
    if (!match) continue;
    const limit = Number(match[2]);
    const item = surroundingsOf(el, cache).item;
    if (item) {
      if (!limits.has(item)) limits.set(item, limit);
      continue;
    }
    for (let node = el.parentElement, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
      if (!limits.has(node)) limits.set(node, limit);
    }
  }
  return limits;
}
