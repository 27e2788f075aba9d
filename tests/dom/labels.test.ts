// @vitest-environment happy-dom
// Issue 10 item 11: the label discovery gives a field is the one the user sees beside it. Rich editors name their
// editable themselves ("富文本编辑器。编辑区域：main", "Rich Text Area", "编辑器, f-work") and carry placeholders;
// those must lose to a visible <label>, aria-labelledby text, the form item or the table cell, even when toolbars,
// wrapper divs and the hidden source textarea stand between the label and the editable. The markup below is the
// DOM each editor builds (copied from the fixture portals in Chromium), with the page's label wired as real
// portals wire it — often not to the hidden textarea.
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFields } from '../../lib/dom/discovery';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The label and source of the one visible rich or plain field in `html`. */
function labelOf(html: string): { label: string; source: string } {
  document.body.innerHTML = html;
  const fields = discoverFields(document).filter((f) => f.visible);
  expect(fields, 'exactly one visible field').toHaveLength(1);
  return { label: fields[0]!.label, source: fields[0]!.labelSource };
}

const CK5 = (before = '', editableAttrs = 'aria-label="富文本编辑器。编辑区域：main. 按 Alt+0 获取帮助。"') =>
  `${before}<textarea id="body" name="body" style="display: none;"></textarea>` +
  `<div class="ck ck-reset ck-editor ck-rounded-corners" role="application" dir="ltr" lang="zh-cn" aria-labelledby="ck-editor__label_e1">` +
  `<label class="ck ck-label ck-voice-label" id="ck-editor__label_e1" style="display:none">富文本编辑器</label>` +
  `<div class="ck ck-editor__top ck-reset_all" role="presentation"><div class="ck ck-sticky-panel"><div class="ck ck-toolbar" role="toolbar" aria-label="编辑器工具栏"><button type="button" class="ck ck-button">撤销</button></div></div></div>` +
  `<div class="ck ck-editor__main" role="presentation"><div class="ck-blurred ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline" lang="zh-cn" dir="ltr" role="textbox" ${editableAttrs} contenteditable="true"><p class="ck-placeholder" data-placeholder="请在此输入正文"><br data-cke-filler="true"></p></div></div></div>`;

const QUILL = (labelFor = '') =>
  `<div class="ql-toolbar ql-snow"><span class="ql-formats"><button type="button" class="ql-bold"></button></span></div>` +
  `<div id="editor" class="ql-container ql-snow"${labelFor}><div class="ql-editor ql-blank" data-gramm="false" contenteditable="true" data-placeholder="请在此输入内容……" aria-owns="ql-picker-options-0"><p><br></p></div>` +
  `<div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></div>`;

const WANG =
  `<div id="toolbar-container"><div data-w-e-toolbar="true" class="w-e-toolbar"><div class="w-e-bar-item"><button type="button">B</button></div></div></div>` +
  `<div id="editor-container"><div data-w-e-textarea="true" class="w-e-text-container"><div data-slate-editor="true" contenteditable="true" role="textbox" placeholder="请输入内容..." aria-multiline="true"><p><br></p></div></div></div>`;

describe('returns the visible label', () => {
  const cases: Array<[string, string, string]> = [
    ['CKEditor 5 with label[for] on its hidden textarea', CK5('<label for="body">主要工作情况</label>'), '主要工作情况'],
    ['CKEditor 5 with a label not tied to anything, above the editor', CK5('<label>主要工作情况：</label>'), '主要工作情况'],
    ['CKEditor 5 with a label[for] pointing at nothing discovery can see', CK5('<label for="content">主要工作情况</label>'), '主要工作情况'],
    [
      'CKEditor 5 inside an Element Plus form item',
      `<div class="el-form-item is-required"><label class="el-form-item__label">主要工作情况</label><div class="el-form-item__content">${CK5()}</div></div>`,
      '主要工作情况',
    ],
    [
      'CKEditor 5 in the right-hand cell of an OA table',
      `<table><tr><td class="fieldName"><span class="must">*</span>主要工作情况</td><td class="fieldValue">${CK5()}</td></tr></table>`,
      '主要工作情况',
    ],
    [
      'CKEditor 5 whose editable points aria-labelledby at the visible heading',
      `<h3 id="work-title">主要工作情况</h3>${CK5('', 'aria-labelledby="work-title" aria-label="Rich Text Editor. Editing area: main"')}`,
      '主要工作情况',
    ],
    ['Quill with label[for] on the div it was created on', `<label for="editor">主要工作情况</label>${QUILL()}`, '主要工作情况'],
    ['Quill with a label above its toolbar', `<div class="row"><label>主要工作情况</label><div class="control">${QUILL()}<textarea name="work" hidden></textarea></div></div>`, '主要工作情况'],
    ['wangEditor with a label above the toolbar container', `<div><span class="title">存在的问题</span>${WANG}</div>`, '存在的问题'],
    [
      'TinyMCE-style iframe editor: a label separated by the hidden textarea and the editor chrome',
      '<p><label>下一步工作打算</label></p><div><textarea id="plans" style="display:none"></textarea>' +
        '<div class="tox tox-tinymce" role="application"><div class="tox-editor-header"><div class="tox-toolbar" role="group"><button type="button">B</button></div></div>' +
        '<div class="edit-area" contenteditable="true" aria-label="Rich Text Area"><p></p></div></div></div>',
      '下一步工作打算',
    ],
    [
      'a contenteditable with aria-label inside a visible label[for]',
      '<label for="memo">备注</label><div id="memo" contenteditable="true" aria-label="编辑器"></div>',
      '备注',
    ],
    [
      'an input in a table whose cell to the left names it, over its aria-label',
      '<table><tr><th>联系人</th><td><input aria-label="text input"></td></tr></table>',
      '联系人',
    ],
    [
      'an input whose aria-labelledby text is visible, over a placeholder',
      '<span id="c">联系人</span><input aria-labelledby="c" placeholder="请输入姓名">',
      '联系人',
    ],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => {
      expect(labelOf(html).label).toBe(expected);
    });
  }
});

describe('falls back', () => {
  const cases: Array<[string, string, string, string]> = [
    ['to an aria-label when nothing visible names the field', '<div><input aria-label="联系电话" placeholder="请输入"></div>', '联系电话', 'aria-label'],
    ['to the placeholder over an editor’s generic name', `<div>${CK5()}</div>`, '请在此输入正文', 'placeholder'],
    ['to Quill’s placeholder when there is no label at all', `<div>${QUILL()}</div>`, '请在此输入内容……', 'placeholder'],
    [
      'to an editor’s own name only when there is neither label nor placeholder',
      '<div><div class="edit-area" contenteditable="true" aria-label="Rich Text Area"></div></div>',
      'Rich Text Area',
      'aria-label',
    ],
    [
      'past aria-labelledby that points at hidden text, to a visible label',
      '<label>主要工作情况</label><div><span id="v" hidden>编辑器, work</span><div contenteditable="true" aria-labelledby="v"></div></div>',
      '主要工作情况',
      'preceding',
    ],
    [
      'to hidden aria-labelledby text that is not an editor name when nothing is visible',
      '<div><span id="v" style="display:none">联系电话</span><input aria-labelledby="v" placeholder="请输入"></div>',
      '联系电话',
      'aria-labelledby',
    ],
    ['to the title last', '<div><input title="邮政编码"></div>', '邮政编码', 'title'],
    ['to a short text right before the field when there is no label element', '<div><span>单位名称</span><input name="a"></div><div><input name="b" type="hidden"><input name="c" style="display:none"></div>', '单位名称', 'preceding'],
  ];
  for (const [name, html, expected, source] of cases) {
    it(name, () => {
      expect(labelOf(html)).toEqual({ label: expected, source });
    });
  }

  it('does not take a label across another control', () => {
    document.body.innerHTML = '<div><label>单位名称</label><input name="unit"><div contenteditable="true"></div></div>';
    const fields = discoverFields(document);
    expect(fields.map((f) => f.label)).toEqual(['单位名称', '']);
  });
});
