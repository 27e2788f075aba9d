// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSubmitLabel, submitTrigger } from '@/lib/guard/detect';

function clickTarget(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-target]') ?? document.body.firstElementChild!;
}

describe('isSubmitLabel', () => {
  describe('accepts', () => {
    it.each(['提交', '提 交', ' 上报 ', '报送', '保存并提交', '确认提交', '立即上报', '提\u00a0交'])('%s', (label) => {
      expect(isSubmitLabel(label)).toBe(true);
    });
  });
  describe('rejects', () => {
    it.each(['暂存', '保存', '提交记录', '取消提交', '仍然提交', '查看已提交的报告', ''])('%s', (label) => {
      expect(isSubmitLabel(label)).toBe(false);
    });
  });
});

describe('submitTrigger', () => {
  describe('returns the control for', () => {
    it.each([
      ['a button labelled 提交', '<button type="button" data-target>提交</button>'],
      ["antd's spaced label, clicked on the inner span", '<button class="ant-btn"><span data-target>提 交</span></button>'],
      ['an Element Plus button', '<button class="el-button" type="button"><span data-target>上报</span></button>'],
      ['a layui lay-submit button of any label', '<button class="layui-btn" lay-submit lay-filter="x" data-target>确定</button>'],
      ['an input[type=submit] with the label as value', '<form><input type="submit" value="保存并提交" data-target></form>'],
      ['a link styled as a button', '<a href="#" class="btn" data-target>报送</a>'],
      ['a submit button of a form with a long-text field', '<form><textarea></textarea><button data-target>确定</button></form>'],
    ])('%s', (_name, html) => {
      expect(submitTrigger(clickTarget(html))).toBeInstanceOf(HTMLElement);
    });
  });
  describe('returns undefined for', () => {
    it.each([
      ['a 暂存 button', '<button type="button" data-target>暂存</button>'],
      ['a disabled 提交 button', '<button type="button" disabled data-target>提交</button>'],
      ['a search form submit', '<form><input name="q"><button data-target>搜索</button></form>'],
      ['text outside any control', '<p data-target>请点击提交按钮</p>'],
      ['a big container whose text ends with 提交', '<div role="button" data-target>本页内容较长，请检查无误后再提交</div>'],
    ])('%s', (_name, html) => {
      expect(submitTrigger(clickTarget(html))).toBeUndefined();
    });
  });
});
