// Finds the fields of a portal form: text inputs, textareas, selects, contenteditable regions and the rich-text
// editors portals ship (TinyMCE, CKEditor 4/5, Quill, wangEditor/Slate, KindEditor, UEditor-style iframe
// bodies), in the given document and in its same-origin iframes. Each field gets a label, a required flag, its
// limits, whether it is visible, and a key that stays the same after a reload (drafts and mappings store it).
//
// One pass per document: a few querySelectorAll calls, one label[for] index, then work per field that does not
// depend on page size. tests/bench/discovery.ts measures a 2,000-field page in Chromium.
import { editingHost, isDesignModeDocument, isInContentEditable, isTextInput } from './editable';
import { buildCounterIndex, buildLabelIndex, counterLimit, inferLabel, surroundingsOf, type Surroundings, isRequired, type LabelIndex, type LabelSource } from './labels';

export type FieldKind = 'input' | 'textarea' | 'select' | 'contenteditable' | 'rich';

export type EditorKind =
  | 'tinymce'
  | 'ckeditor4'
  | 'ckeditor5'
  | 'quill'
  | 'wangeditor'
  | 'slate'
  | 'kindeditor'
  | 'ueditor'
  | 'iframe'
  | 'plain';

export interface DiscoveredField {
  /** Stable across reloads: built from name, id, label or position, never from element identity. */
  key: string;
  kind: FieldKind;
  /** For contenteditable and rich fields: which editor. */
  editor?: EditorKind;
  /** The element to focus and write into (an iframe editor's body for iframe editors). */
  element: HTMLElement;
  /** The document `element` lives in. */
  document: Document;
  /** For fields inside iframes: the iframe element, in its parent document. */
  frame?: HTMLIFrameElement;
  /** The hidden textarea (or element) a rich editor replaced, which the page submits. */
  source?: HTMLElement;
  label: string;
  labelSource: LabelSource;
  required: boolean;
  /** maxlength of an input or textarea. */
  maxLength?: number;
  /** The limit a word-limit counter next to the field shows ("0 / 500"). */
  wordLimit?: number;
  visible: boolean;
  readOnly: boolean;
  disabled: boolean;
  name?: string;
}

export interface DiscoverOptions {
  /** Skip elements for which this returns true (Tianbao's own panel). */
  ignore?: (element: Element) => boolean;
  /** Look into same-origin iframes (default true). */
  frames?: boolean;
  /** Also return fields that are not visible (default true; each field says whether it is visible). */
  includeHidden?: boolean;
}

const EDITOR_ROOTS: Array<[string, EditorKind]> = [
  ['.tox-tinymce', 'tinymce'],
  ['.cke', 'ckeditor4'],
  ['.ck-editor', 'ckeditor5'],
  ['.ql-container', 'quill'],
  ['.w-e-text-container', 'wangeditor'],
  ['.ke-container', 'kindeditor'],
  ['.edui-editor', 'ueditor'],
];
const CANDIDATES = 'input, textarea, select, [contenteditable]';
const CANDIDATES_WITH_FRAMES = CANDIDATES + ', iframe, frame';
const framesOf = (doc: Document) => Array.from(doc.querySelectorAll('iframe, frame'));
const EDITOR_ROOT_SELECTOR = EDITOR_ROOTS.map(([selector]) => selector).join(', ');

/** ids that frameworks generate afresh on every load (Element Plus el-id-1234-5, React :r1:, rc_select_0). */
const GENERATED_ID = /^(el-id-|rc[_-]|:r|mui-|react-|vue-)|\d{3,}|^[0-9a-f]{8}-|_\d+$/i;

function isVisible(el: Element): boolean {
  const withCheck = el as Element & { checkVisibility?: (options?: object) => boolean };
  if (typeof withCheck.checkVisibility === 'function') {
    // happy-dom answers checkVisibility without layout; trust it only where there is layout. Without the
    // checkVisibilityCSS option (half the cost on the 2,000-field bench): a visibility:hidden field keeps its
    // box and counts as visible, which portals rarely do to a field.
    if (hasLayout(el)) return withCheck.checkVisibility();
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

let layoutKnown: boolean | undefined;
function hasLayout(el: Element): boolean {
  if (layoutKnown === undefined) {
    const body = el.ownerDocument.body;
    layoutKnown = !!body && (body.getBoundingClientRect().width > 0 || body.offsetWidth > 0);
  }
  return layoutKnown;
}

function isHiddenSource(el: Element): boolean {
  if (el.tagName === 'SCRIPT') return (el.getAttribute('type') ?? '').toLowerCase() === 'text/plain';
  if (el.tagName !== 'TEXTAREA') return false;
  const html = el as HTMLElement;
  return html.hidden || html.style.display === 'none' || html.getAttribute('aria-hidden') === 'true';
}

/**
 * The hidden textarea an editor replaced or the page fills on submit (TinyMCE and KindEditor hide the textarea
 * they were created on; Quill, wangEditor and UEditor pages keep one beside the editor). Looked for among the
 * siblings of the editor's root and of its first ancestors, not beyond the field's own form item or cell.
 */
function hiddenSource(root: Element): HTMLElement | undefined {
  let node: Element | null = root;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    if (depth > 0 && node.matches('form, body, td, th, .el-form-item, .ant-form-item, .layui-form-item')) return undefined;
    for (let sibling = node.previousElementSibling, steps = 0; sibling && steps < 3; sibling = sibling.previousElementSibling, steps++) {
      if (isHiddenSource(sibling)) return sibling as HTMLElement;
    }
    for (let sibling = node.nextElementSibling, steps = 0; sibling && steps < 3; sibling = sibling.nextElementSibling, steps++) {
      if (isHiddenSource(sibling)) return sibling as HTMLElement;
    }
  }
  return undefined;
}

function editorOf(el: Element): { kind: EditorKind; root: Element } | undefined {
  const root = el.closest(EDITOR_ROOT_SELECTOR);
  if (root) {
    const kind = EDITOR_ROOTS.find(([selector]) => root.matches(selector))![1];
    // wangEditor's text container sits in the element the page created the editor on.
    const outer = kind === 'wangeditor' ? (root.parentElement?.closest('[data-w-e-textarea], div') ?? root) : root;
    return { kind, root: outer };
  }
  if (el.matches('[data-slate-editor]')) return { kind: 'slate', root: el };
  if (el.matches('.ck-editor__editable')) return { kind: 'ckeditor5', root: el };
  return undefined;
}

function iframeEditorKind(frame: HTMLIFrameElement, body: HTMLElement): { kind: EditorKind; root: Element } {
  const root = frame.closest(EDITOR_ROOT_SELECTOR);
  if (root) return { kind: EDITOR_ROOTS.find(([selector]) => root.matches(selector))![1], root };
  if (body.id === 'tinymce' || body.classList.contains('mce-content-body')) return { kind: 'tinymce', root: frame };
  if (body.classList.contains('cke_editable')) return { kind: 'ckeditor4', root: frame };
  if (body.classList.contains('ke-content')) return { kind: 'kindeditor', root: frame };
  if (/^ueditor_/.test(frame.id) || body.classList.contains('view')) return { kind: 'ueditor', root: frame };
  return { kind: 'iframe', root: frame };
}

function keyPart(el: Element | undefined, label: string, kind: FieldKind): string {
  const name = el?.getAttribute('name');
  if (name) return `name:${name}`;
  const id = el?.id;
  if (id && !GENERATED_ID.test(id)) return `id:${id}`;
  if (label) return `label:${label}`;
  return `${kind}`;
}

interface Context {
  options: Required<Pick<DiscoverOptions, 'frames' | 'includeHidden'>> & Pick<DiscoverOptions, 'ignore'>;
  out: DiscoveredField[];
}

function discoverIn(doc: Document, context: Context, framePrefix: string, frame?: HTMLIFrameElement): void {
  const { options, out } = context;
  const frameVisible = frame ? isVisible(frame) : true;
  const index: LabelIndex = buildLabelIndex(doc);
  const ignore = options.ignore;
  const fields: DiscoveredField[] = [];
  const sources = new Set<Element>();
  const surroundCache = new Map<Element, Surroundings>();
  const counters = buildCounterIndex(doc, surroundCache);

  // One query in document order, so that keys numbered by occurrence are stable and no sort is needed.
  // Editors are met before the textareas they replaced only when those come later, so sources are
  // collected first and their fields dropped afterwards.
  const nested: Array<[Document, HTMLIFrameElement]> = [];
  const all = Array.from(doc.querySelectorAll<HTMLElement>(options.frames ? CANDIDATES_WITH_FRAMES : CANDIDATES));
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      let kind: FieldKind;
      if (tag === 'TEXTAREA') kind = 'textarea';
      else if (tag === 'SELECT') kind = 'select';
      else if (!isTextInput(el)) continue;
      else kind = 'input';
      const around = surroundingsOf(el, surroundCache);
      // layui shows a readonly input over the hidden native select, which holds the value and is listed instead;
      // antd keeps an aria-hidden search input inside its select.
      if (kind === 'input' && around.selectWidget && (around.selectWidget.classList.contains('layui-form-select') || el.getAttribute('aria-hidden') === 'true')) continue;
      if (kind === 'input' && (el.getAttribute('role') === 'combobox' || around.selectWidget)) kind = 'select';
      if (ignore?.(el) || around.editorRoot) continue; // an editor's own dialog or toolbar inputs
      // Controls hidden from assistive technology are not fields a user fills (antd's autosize measurer).
      if (el.getAttribute('aria-hidden') === 'true') continue;
      fields.push(makeField(el, doc, kind, undefined, el, undefined, index, frame, undefined, around, counters));
    } else if (tag === 'IFRAME' || tag === 'FRAME') {
      const child = el as HTMLIFrameElement;
      if (ignore?.(child)) continue;
      let inner: Document | null = null;
      try {
        inner = child.contentDocument;
      } catch {
        inner = null; // cross-origin
      }
      const body = inner?.body;
      if (!inner || !body) continue;
      if (isDesignModeDocument(inner) || isInContentEditable(body)) {
        const editor = iframeEditorKind(child, body);
        const source = hiddenSource(editor.root);
        if (source) sources.add(source);
        fields.push(makeField(body, inner, 'rich', editor.kind, editor.root, source, index, child, child, surroundingsOf(editor.root, surroundCache), counters));
      } else {
        nested.push([inner, child]);
      }
    } else {
      // [contenteditable]: only editing hosts, not editable elements nested in one.
      if (!isInContentEditable(el) || (el.parentElement && isInContentEditable(el.parentElement))) continue;
      if (ignore?.(el) || el.closest('.ql-clipboard') || el.getAttribute('aria-hidden') === 'true') continue;
      const editor = editorOf(el);
      const anchor = editor?.root ?? el;
      const source = editor ? hiddenSource(anchor) : undefined;
      if (source) sources.add(source);
      fields.push(makeField(el, doc, editor ? 'rich' : 'contenteditable', editor?.kind ?? 'plain', anchor, source, index, frame, undefined, surroundingsOf(anchor, surroundCache), counters));
    }
  }
  if (isDesignModeDocument(doc) && doc.body && frame === undefined && !fields.some((f) => f.element === doc.body)) {
    fields.unshift(makeField(doc.body, doc, 'rich', 'iframe', doc.body, undefined, index, frame, undefined, undefined, counters));
  }
  if (sources.size > 0) {
    for (let i = fields.length - 1; i >= 0; i--) if (sources.has(fields[i]!.element)) fields.splice(i, 1);
  }

  const seen = new Map<string, number>();
  for (const field of fields) {
    const count = (seen.get(field.key) ?? 0) + 1;
    seen.set(field.key, count);
    if (count > 1) field.key += `#${count}`;
    field.key = framePrefix + field.key;
    if (!frameVisible) field.visible = false;
    if (options.includeHidden || field.visible) out.push(field);
  }

  for (const [inner, child] of nested) {
    const prefix = `${framePrefix}frame(${keyPart(child, '', 'rich').replace(/^rich$/, String(framesOf(doc).indexOf(child)))})/`;
    discoverIn(inner, context, prefix, child);
  }
}

function makeField(
  element: HTMLElement,
  doc: Document,
  kind: FieldKind,
  editor: EditorKind | undefined,
  anchor: Element,
  source: HTMLElement | undefined,
  index: LabelIndex,
  frame: HTMLIFrameElement | undefined,
  editorFrame?: HTMLIFrameElement,
  around: Surroundings = surroundingsOf(anchor),
  counters?: Map<Element, number>,
): DiscoveredField {
  // For an iframe editor the label lives around the iframe, in the parent document.
  const label = inferLabel(editorFrame ? editorFrame : element, index, anchor, source, around);
  const required = isRequired(editorFrame ? editorFrame : element, label, anchor, source, around);
  const valueField = element as HTMLInputElement;
  const maxLength = (kind === 'input' || kind === 'textarea') && valueField.maxLength > 0 ? valueField.maxLength : undefined;
  const wordLimit = counterLimit(anchor, around, counters);
  const named = source ?? (editorFrame ? undefined : element);
  const keyElement = named ?? (anchor !== element ? anchor : undefined);
  const field: DiscoveredField = {
    key: keyPart(keyElement, label.text, kind),
    kind,
    element,
    document: doc,
    label: label.text,
    labelSource: label.source,
    required,
    visible: isVisible(editorFrame ?? (kind === 'rich' || kind === 'contenteditable' ? (anchor as HTMLElement) : element)),
    readOnly: kind === 'input' || kind === 'textarea' ? valueField.readOnly : false,
    disabled: 'disabled' in element ? Boolean((element as HTMLInputElement).disabled) : false,
  };
  if (editor) field.editor = editor;
  if (frame ?? editorFrame) field.frame = (editorFrame ?? frame)!;
  if (source) field.source = source;
  if (maxLength !== undefined) field.maxLength = maxLength;
  if (wordLimit !== undefined) field.wordLimit = wordLimit;
  const name = (source ?? element).getAttribute('name');
  if (name) field.name = name;
  if (kind === 'select' && element.tagName === 'SELECT') {
    const widget = element.nextElementSibling;
    if (widget?.classList.contains('layui-form-select')) field.visible = isVisible(widget);
  }
  return field;
}

/** Every field of `doc` and its same-origin iframes, in document order. */
export function discoverFields(doc: Document, options: DiscoverOptions = {}): DiscoveredField[] {
  layoutKnown = undefined;
  const context: Context = {
    options: { frames: options.frames ?? true, includeHidden: options.includeHidden ?? true, ignore: options.ignore },
    out: [],
  };
  discoverIn(doc, context, '');
  return context.out;
}

/** The discovered field whose element is `element` (the focus tracker's field), if any. */
export function findField(fields: readonly DiscoveredField[], element: Element): DiscoveredField | undefined {
  return fields.find((field) => field.element === element || field.source === element);
}

/**
 * The text a field holds now: value for inputs and textareas; for selects the chosen option as the user sees it
 * (2026年上半年, not its code 2026H1, which a snippet's {{报告期}} would otherwise print; '' for 请选择, whose
 * value is empty); text for editors.
 */
export function readFieldText(field: Pick<DiscoveredField, 'element' | 'kind'>): string {
  const el = field.element;
  if (field.kind === 'select' && el.tagName === 'INPUT') return comboboxText(el as HTMLInputElement);
  if (field.kind === 'select' && el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    if (select.value === '') return '';
    return (select.selectedOptions[0]?.text ?? select.value).trim() || select.value;
  }
  if (field.kind === 'input' || field.kind === 'textarea' || field.kind === 'select') {
    return (el as HTMLInputElement).value ?? '';
  }
  return el.innerText ?? el.textContent ?? '';
}

/** Framework selects (Element Plus el-select, antd Select) whose input is only for searching. */
const SELECT_WIDGET = '.el-select, .ant-select, .layui-form-select, .el-cascader, .ant-cascader';
/** Other libraries' select roots: a class naming a select, not one of its parts (BEM __ or -item). */
const ANY_SELECT_WIDGET = '[class*="select"]:not([class*="__"]):not([class*="-item"])';
/**
 * What such a widget shows while nothing is chosen (Element Plus greys its placeholder with .is-transparent in
 * the same span that later holds the choice; antd has its own placeholder span), and its search input.
 */
const NOT_A_CHOICE = '.is-transparent, [class*="selection-placeholder"], input, [aria-hidden="true"]';

/**
 * The chosen option of a select made of an input and a label: the input's value where the widget keeps the
 * choice there, else the text the widget shows, without its placeholder (请选择).
 */
function comboboxText(input: HTMLInputElement): string {
  if (input.value) return input.value;
  const widget = input.closest(SELECT_WIDGET) ?? input.parentElement?.closest(ANY_SELECT_WIDGET);
  if (!widget) return '';
  let text = '';
  const walker = input.ownerDocument.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(NOT_A_CHOICE)) continue;
    text += node.nodeValue ?? '';
  }
  text = text.trim();
  return text === input.placeholder.trim() ? '' : text;
}
