// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFocusTracker } from '@/lib/dom/focus';
import { startDraftCapture, type DraftCapture, type DraftWrite } from '@/lib/drafts/capture';

let capture: DraftCapture | undefined;
afterEach(() => {
  capture?.stop();
  capture = undefined;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setup(html: string, enabled = () => true, loadedAt?: number) {
  document.body.innerHTML = html;
  const saved: Array<{ entries: DraftWrite[]; pageUrl: string }> = [];
  const sinces: number[] = [];
  const submitted = vi.fn();
  const order: string[] = [];
  capture = startDraftCapture({
    win: window,
    focus: createFocusTracker(window),
    enabled,
    ignore: () => false,
    save: (entries, pageUrl, since) => {
      saved.push({ entries, pageUrl });
      sinces.push(since);
      order.push('save');
    },
    submitted: (pageUrl) => {
      submitted(pageUrl);
      order.push('submitted');
    },
    debounceMs: 1000,
    ...(loadedAt === undefined ? {} : { loadedAt }),
  });
  return { saved, sinces, submitted, order };
}

/** An input event as the browser sends it for the user's typing (happy-dom's own events are untrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function type(selector: string, text: string) {
  const el = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  for (const ch of text) {
    el.value += ch;
    el.dispatchEvent(trusted(new InputEvent('input', { bubbles: true, data: ch })));
  }
  return el;
}

const FORM = `<form>
  <label for="work">主要工作情况</label><textarea id="work" name="work"></textarea>
  <label for="pwd">密码</label><input id="pwd" name="pwd" type="password">
  <label for="card">银行卡号</label><input id="card" name="card" autocomplete="cc-number">
  <label for="code">短信验证码</label><input id="code" name="smscode" autocomplete="one-time-code">
  <button type="button">提交</button>
</form>`;

describe('draft capture', () => {
  it('sends the page load time it was given with every save', () => {
    vi.useFakeTimers();
    const { saved, sinces } = setup(FORM, () => true, 12_345);
    type('#work', '第一稿');
    vi.advanceTimersByTime(1000);
    type('#work', '，续写');
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(2);
    expect(sinces).toEqual([12_345, 12_345]);
  });

  it('takes the time capture started as the page load time, not the time of each save', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 28, 12, 0, 0));
    const started = Date.now();
    const { sinces } = setup(FORM);
    vi.advanceTimersByTime(60_000);
    type('#work', '一、总体情况');
    vi.advanceTimersByTime(1000);
    type('#work', '（续）');
    vi.advanceTimersByTime(1000);
    expect(sinces).toEqual([started, started]);
  });

  it('saves once, a second after the typing stops, under the field stable key', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#work', '一、总体情况');
    vi.advanceTimersByTime(999);
    expect(saved).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([{ entries: [{ fieldKey: 'name:work', fieldLabel: '主要工作情况', text: '一、总体情况' }], pageUrl: location.href }]);
  });

  it('saves what is pending when the page is hidden away', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#work', '未完');
    window.dispatchEvent(new Event('pagehide'));
    expect(saved.map((s) => s.entries[0]!.text)).toEqual(['未完']);
  });

  it('does not save the same text twice', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#work', '文字');
    vi.advanceTimersByTime(1000);
    document.querySelector('#work')!.dispatchEvent(trusted(new KeyboardEvent('keyup', { bubbles: true })));
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(1);
  });

  it('never takes text from a card-number or one-time-code field', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#card', '6222020000000000');
    type('#code', '123456');
    (document.querySelector('#pwd') as HTMLInputElement).value = 'secret';
    document.querySelector('#pwd')!.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
    vi.advanceTimersByTime(2000);
    expect(saved).toEqual([]);
  });

  it('saves nothing while autosave is switched off', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM, () => false);
    type('#work', '文字');
    vi.advanceTimersByTime(2000);
    expect(saved).toEqual([]);
  });

  it('still saves a pending draft under its key after the page removed the field', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#work', '写到一半');
    document.querySelector('#work')!.remove();
    vi.advanceTimersByTime(1000);
    expect(saved[0]!.entries).toEqual([{ fieldKey: 'name:work', fieldLabel: '主要工作情况', text: '写到一半' }]);
  });

  it('never takes a success message after a submit click as a submit (cancelled confirm, failed submit)', async () => {
    const { submitted, saved } = setup(FORM);
    type('#work', '全文');
    document.querySelector('button')!.click();
    for (const text of ['提交成功后将不能修改，确定提交吗？', '登录已超时，报告未提交成功', '填写完整后方可提交成功', '提交成功']) {
      const toast = document.createElement('div');
      toast.textContent = text;
      document.body.append(toast);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(submitted).not.toHaveBeenCalled();
    // The click saved what was pending at once: the page may leave right after it.
    expect(saved.map((s) => s.entries[0]!.text)).toEqual(['全文']);
  });

  it('saves what is pending, then marks the page submitted, when the page unloads after a form submit', () => {
    const { saved, submitted, order } = setup(FORM);
    const form = document.querySelector('form')!;
    type('#work', '全文');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(saved.map((s) => s.entries[0]!.text)).toEqual(['全文']);
    expect(submitted).toHaveBeenCalledWith(location.href);
    expect(order).toEqual(['save', 'submitted']);
  });

  it('does not count a form submit as gone when the page unloads long after it (posted into another window)', () => {
    vi.useFakeTimers();
    const { submitted } = setup(FORM);
    type('#work', '全文');
    document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    vi.advanceTimersByTime(31_000);
    window.dispatchEvent(new Event('pagehide'));
    expect(submitted).not.toHaveBeenCalled();
  });

  it('keeps saving when the page cancelled the submit (its validation failed)', () => {
    const { saved, submitted } = setup(FORM);
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    type('#work', '全文');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(submitted).not.toHaveBeenCalled();
    expect(saved.map((s) => s.entries[0]!.text)).toEqual(['全文']);
  });
});

describe('draft capture takes only the user\'s own edits on fields they can see', () => {
  it('plants nothing when a page script fires input events on forty hidden textareas', () => {
    vi.useFakeTimers();
    const hidden = Array.from({ length: 40 }, (_, i) => `<textarea name="bait${i}" style="display:none"></textarea>`).join('');
    const { saved } = setup(`${FORM}<div>${hidden}</div>`);
    for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[name^="bait"]')) {
      area.value = '字'.repeat(199_000);
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    vi.advanceTimersByTime(2000);
    expect(saved).toEqual([]);
  });

  it('ignores a synthetic input event even on a visible field', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    const work = document.querySelector('#work') as HTMLTextAreaElement;
    work.value = '页面脚本写入';
    work.dispatchEvent(new InputEvent('input', { bubbles: true }));
    vi.advanceTimersByTime(2000);
    expect(saved).toEqual([]);
  });

  it.each([
    ['display:none on an ancestor', '<div style="display:none"><label for="x">主要工作情况</label><textarea id="x" name="x"></textarea></div>'],
    ['visibility:hidden', '<label for="x">主要工作情况</label><textarea id="x" name="x" style="visibility:hidden"></textarea>'],
    ['the hidden attribute on an ancestor', '<section hidden><label for="x">主要工作情况</label><textarea id="x" name="x"></textarea></section>'],
    ['disabled', '<label for="x">主要工作情况</label><textarea id="x" name="x" disabled></textarea>'],
    ['read-only', '<label for="x">主要工作情况</label><textarea id="x" name="x" readonly></textarea>'],
  ])('saves nothing from a field that is %s', (_what, html) => {
    vi.useFakeTimers();
    const { saved } = setup(`<form>${html}</form>`);
    type('#x', '文字');
    vi.advanceTimersByTime(2000);
    expect(saved).toEqual([]);
  });

  it('never takes text from a field labelled 身份证号码 or 开户行账号', () => {
    vi.useFakeTimers();
    const { saved } = setup(`<form>
      <label for="id">身份证号码</label><input id="id" name="f1">
      <label for="acct">开户行账号</label><input id="acct" name="f2">
      <label for="work">主要工作情况</label><textarea id="work" name="work"></textarea>
    </form>`);
    type('#id', '110101199001011234');
    type('#acct', '6222020000000000');
    type('#work', '正文');
    vi.advanceTimersByTime(1000);
    expect(saved.flatMap((s) => s.entries.map((e) => e.fieldKey))).toEqual(['name:work']);
  });

  it('saves nothing from a zero-sized field where the page is laid out, and saves a field of real size', () => {
    vi.useFakeTimers();
    const { saved } = setup(`<form>
      <label for="tiny">主要工作情况</label><textarea id="tiny" name="tiny"></textarea>
      <label for="work">存在的问题</label><textarea id="work" name="work"></textarea>
    </form>`);
    const box = (width: number, height: number) => () => ({ width, height, top: 0, left: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
    // happy-dom lays nothing out; give the page and the two fields the boxes a browser would.
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockImplementation(box(1280, 900));
    vi.spyOn(document.querySelector('#tiny')!, 'getBoundingClientRect').mockImplementation(box(0, 0));
    vi.spyOn(document.querySelector('#work')!, 'getBoundingClientRect').mockImplementation(box(600, 120));
    type('#tiny', '诱饵');
    type('#work', '正文');
    vi.advanceTimersByTime(1000);
    expect(saved.flatMap((s) => s.entries.map((e) => e.fieldKey))).toEqual(['name:work']);
  });
});
