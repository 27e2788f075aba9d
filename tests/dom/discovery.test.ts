// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFields, findField, readFieldText } from '../../lib/dom/discovery';
import { cleanLabel } from '../../lib/dom/labels';

afterEach(() => {
  document.body.innerHTML = '';
});

function only(html: string) {
  document.body.innerHTML = html;
  const fields = discoverFields(document);
  expect(fields).toHaveLength(1);
  return fields[0]!;
}

describe('infers the label from', () => {
  const cases: Array<[string, string, string]> = [
    ['label[for]', '<label for="u">单位名称：</label><input id="u">', '单位名称'],
    ['a wrapping label, without the options of its select', '<label>报告期 <select><option>2026年上半年</option></select></label>', '报告期'],
    ['aria-labelledby', '<span id="h">联系人</span><input aria-labelledby="h">', '联系人'],
    ['aria-label', '<input aria-label="联系电话">', '联系电话'],
    [
      'an Element Plus form item',
      '<div class="el-form-item is-required"><label class="el-form-item__label">单位名称</label><div class="el-form-item__content"><div class="el-input"><input class="el-input__inner"></div></div></div>',
      '单位名称',
    ],
    [
      'an Ant Design form item',
      '<div class="ant-form-item"><div class="ant-form-item-label"><label class="ant-form-item-required" title="存在的问题">存在的问题</label></div><div class="ant-form-item-control"><textarea></textarea></div></div>',
      '存在的问题',
    ],
    [
      'a layui form item',
      '<div class="layui-form-item"><label class="layui-form-label"><span style="color:red">*</span>联系人</label><div class="layui-input-block"><input lay-verify="required"></div></div>',
      '联系人',
    ],
    ['the table cell to the left', '<table><tr><td>单位名称<span style="color:red">*</span></td><td><input></td></tr></table>', '单位名称'],
    [
      'the header cell above',
      '<table><tr><th colspan="2">主要工作情况</th></tr><tr><td colspan="2"><textarea></textarea></td></tr></table>',
      '主要工作情况',
    ],
    ['dt before dd', '<dl><dt>下一步工作打算</dt><dd><textarea></textarea></dd></dl>', '下一步工作打算'],
    ['a short text just before the field', '<div><span>存在的问题</span><textarea></textarea></div>', '存在的问题'],
    ['the placeholder, without 请输入', '<input placeholder="请输入联系人">', '联系人'],
  ];
  for (const [how, html, label] of cases) {
    it(how, () => {
      expect(only(html).label).toBe(label);
    });
  }
});

describe('flags as required', () => {
  const cases: Array<[string, string]> = [
    ['the required attribute', '<label for="a">单位</label><input id="a" required>'],
    ['aria-required', '<input aria-label="单位" aria-required="true">'],
    ['a red asterisk in the label', '<label for="a"><span style="color:red">*</span>单位</label><input id="a">'],
    ['an asterisk in the table cell to the left', '<table><tr><td>＊单位名称</td><td><input></td></tr></table>'],
    ['Element Plus is-required', '<div class="el-form-item is-required"><label class="el-form-item__label">单位</label><input></div>'],
    ['Ant Design ant-form-item-required', '<div class="ant-form-item"><div class="ant-form-item-label"><label class="ant-form-item-required">单位</label></div><input></div>'],
    ['layui lay-verify="required"', '<input lay-verify="required|number" aria-label="数量">'],
  ];
  for (const [how, html] of cases) {
    it(how, () => {
      expect(only(html).required).toBe(true);
    });
  }
});

describe('does not flag as required', () => {
  const cases: Array<[string, string]> = [
    ['a plain labelled input', '<label for="a">备注</label><input id="a">'],
    ['an Element Plus item without is-required', '<div class="el-form-item"><label class="el-form-item__label">备注</label><input></div>'],
    ['layui lay-verify without required', '<input lay-verify="number" aria-label="数量">'],
  ];
  for (const [how, html] of cases) {
    it(how, () => {
      expect(only(html).required).toBe(false);
    });
  }
});

describe('discoverFields', () => {
  it('skips checkboxes, buttons, hidden and password inputs', () => {
    document.body.innerHTML =
      '<input type="checkbox"><input type="hidden" name="h"><input type="password"><button>提交</button><input name="ok">';
    expect(discoverFields(document).map((f) => f.key)).toEqual(['name:ok']);
  });

  it('reports maxlength and the limit of a word-limit counter', () => {
    const field = only(
      '<div class="el-form-item"><label class="el-form-item__label">联系人</label><div class="el-input"><input maxlength="20"><span class="el-input__count">0 / 20</span></div></div>',
    );
    expect([field.maxLength, field.wordLimit]).toEqual([20, 20]);
  });

  it('reads the limit of a bare counter right after a textarea', () => {
    expect(only('<label for="w">主要工作情况</label><textarea id="w"></textarea><div>0 / 5000</div>').wordLimit).toBe(5000);
  });

  it('skips a textarea hidden from assistive technology (antd autosize measurer)', () => {
    document.body.innerHTML = '<textarea name="work"></textarea><textarea aria-hidden="true" name="hiddenTextarea"></textarea>';
    expect(discoverFields(document).map((f) => f.key)).toEqual(['name:work']);
  });

  it('links an editor to the hidden textarea the page submits, after the editor', () => {
    document.body.innerHTML =
      '<label for="f-work">主要工作情况</label><div><div id="f-work-editor" class="ql-container"><div class="ql-editor" contenteditable="true"></div></div>' +
      '<textarea id="f-work" name="work" hidden></textarea></div>';
    expect(discoverFields(document).map((f) => [f.kind, f.editor, f.key, f.label])).toEqual([['rich', 'quill', 'name:work', '主要工作情况']]);
  });

  it('marks a field inside a display:none block as not visible', () => {
    expect(only('<div style="display:none"><input name="x"></div>').visible).toBe(false);
  });

  it('returns a contenteditable region once, as its editing host', () => {
    const field = only('<label for="e">主要工作情况</label><div id="e" contenteditable="true"><p>一</p><p>二</p></div>');
    expect([field.kind, field.element.id, field.label]).toEqual(['contenteditable', 'e', '主要工作情况']);
  });

  it('recognises a Slate (wangEditor) editable and a CKEditor 5 editable', () => {
    document.body.innerHTML =
      '<div data-slate-editor="true" contenteditable="true" aria-label="甲"></div><div class="ck-editor__editable" contenteditable="true" aria-label="乙"></div>';
    expect(discoverFields(document).map((f) => f.editor)).toEqual(['slate', 'ckeditor5']);
  });

  it('takes a rich editor label and name from the textarea it replaced', () => {
    document.body.innerHTML =
      '<label for="work">主要工作情况</label><textarea id="work" name="work" style="display:none" required></textarea>' +
      '<div class="ck-editor"><div class="ck-editor__main"><div class="ck-editor__editable" contenteditable="true"></div></div></div>';
    const [field] = discoverFields(document);
    expect(field).toMatchObject({ kind: 'rich', editor: 'ckeditor5', label: '主要工作情况', required: true, key: 'name:work' });
  });

  it('finds a designMode iframe body as a rich field labelled from around the iframe', async () => {
    document.body.innerHTML =
      '<table><tr><td>主要工作情况<span>*</span></td><td><textarea name="content" style="display:none"></textarea><iframe id="ueditor_0"></iframe></td></tr></table>';
    const frame = document.getElementById('ueditor_0') as HTMLIFrameElement;
    frame.srcdoc = '<body class="view"><p>正文</p></body>';
    await new Promise((resolve) => setTimeout(resolve, 30));
    frame.contentDocument!.designMode = 'on';
    const fields = discoverFields(document);
    expect(fields.map((f) => [f.kind, f.editor, f.label, f.required, f.key])).toEqual([
      ['rich', 'ueditor', '主要工作情况', true, 'name:content'],
    ]);
    expect(fields[0]!.document).toBe(frame.contentDocument);
  });

  it('finds the fields of a form inside a same-origin iframe, with a frame prefix in the key', async () => {
    document.body.innerHTML = '<iframe name="main"></iframe>';
    const frame = document.querySelector('iframe')!;
    frame.srcdoc = '<body><label for="c">联系人</label><input id="c" name="contact"></body>';
    await new Promise((resolve) => setTimeout(resolve, 30));
    const [field] = discoverFields(document);
    expect([field?.key, field?.label, field?.frame]).toEqual(['frame(name:main)/name:contact', '联系人', frame]);
  });

  it('numbers fields that share a key so each key stays unique', () => {
    document.body.innerHTML = '<input placeholder="姓名"><input placeholder="姓名">';
    expect(discoverFields(document).map((f) => f.key)).toEqual(['label:姓名', 'label:姓名#2']);
  });

  it('gives the same keys to the same markup loaded again', () => {
    const html = '<label for="el-id-1234-5">单位名称</label><input id="el-id-1234-5"><textarea name="work"></textarea>';
    document.body.innerHTML = html;
    const first = discoverFields(document).map((f) => f.key);
    document.body.innerHTML = html.replaceAll('el-id-1234-5', 'el-id-9876-5');
    expect(discoverFields(document).map((f) => f.key)).toEqual(first);
  });

  it('skips elements the ignore predicate names', () => {
    document.body.innerHTML = '<input name="page"><div id="panel"><input name="search"></div>';
    const panel = document.getElementById('panel')!;
    expect(discoverFields(document, { ignore: (el) => panel.contains(el) }).map((f) => f.key)).toEqual(['name:page']);
  });

  it('lists a layui select once, as its native select', () => {
    document.body.innerHTML =
      '<div class="layui-form-item"><label class="layui-form-label">报告期</label><select name="period"><option>甲</option></select>' +
      '<div class="layui-form-select"><div class="layui-select-title"><input readonly placeholder="请选择"></div></div></div>';
    expect(discoverFields(document).map((f) => [f.kind, f.key, f.label])).toEqual([['select', 'name:period', '报告期']]);
  });

  it('findField matches the element the focus tracker records, or the source textarea', () => {
    document.body.innerHTML = '<textarea name="a"></textarea>';
    const fields = discoverFields(document);
    expect(findField(fields, document.querySelector('textarea')!)).toBe(fields[0]);
  });

  it('readFieldText reads a value or an editor text', () => {
    document.body.innerHTML = '<input name="a" value="甲"><div contenteditable="true" aria-label="b">乙</div>';
    const [input, editable] = discoverFields(document);
    expect([readFieldText(input!), readFieldText(editable!).trim()]).toEqual(['甲', '乙']);
  });
});

describe('cleanLabel', () => {
  it('drops asterisks, colons and extra spaces', () => {
    expect(cleanLabel(' * 单位 名称： ')).toBe('单位 名称');
  });
});

describe('readFieldText of a native select', () => {
  it('reads the chosen option as shown, and nothing while 请选择 (empty value) is chosen', () => {
    document.body.innerHTML =
      '<select><option value="">请选择</option><option value="2026H1">2026年上半年</option><option value="2026">2026年全年</option></select>';
    const select = document.querySelector('select')!;
    expect(readFieldText({ element: select, kind: 'select' })).toBe('');
    select.value = '2026H1';
    expect(readFieldText({ element: select, kind: 'select' })).toBe('2026年上半年');
  });
});

describe('readFieldText of a framework select', () => {
  it('reads the chosen option an Element Plus el-select shows beside its empty search input', () => {
    document.body.innerHTML = `<div class="el-select"><div class="el-select__wrapper"><div class="el-select__selection">
      <div class="el-select__selected-item el-select__input-wrapper is-hidden"><input class="el-select__input" role="combobox" readonly value=""></div>
      <div class="el-select__selected-item el-select__placeholder"><span>2026年上半年</span></div></div></div></div>`;
    const input = document.querySelector('input')!;
    expect(readFieldText({ element: input, kind: 'select' })).toBe('2026年上半年');
  });

  it('reads nothing while the widget shows its greyed placeholder', () => {
    document.body.innerHTML = `<div class="el-select"><div class="el-select__selection">
      <div class="el-select__selected-item el-select__input-wrapper"><input role="combobox" readonly value=""></div>
      <div class="el-select__selected-item el-select__placeholder is-transparent"><span>请选择</span></div></div></div>`;
    expect(readFieldText({ element: document.querySelector('input')!, kind: 'select' })).toBe('');
  });

  it('reads the antd selection item, not its placeholder', () => {
    document.body.innerHTML = `<div class="ant-select"><div class="ant-select-selector"><span class="ant-select-selection-search"><input role="combobox" value=""></span>
      <span class="ant-select-selection-item" title="2026年全年">2026年全年</span></div></div>`;
    expect(readFieldText({ element: document.querySelector('input')!, kind: 'select' })).toBe('2026年全年');
    document.body.innerHTML = `<div class="ant-select"><div class="ant-select-selector"><span class="ant-select-selection-search"><input role="combobox" value=""></span>
      <span class="ant-select-selection-placeholder">请选择报告期</span></div></div>`;
    expect(readFieldText({ element: document.querySelector('input')!, kind: 'select' })).toBe('');
  });
});
