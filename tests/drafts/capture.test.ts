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
  const clear = vi.fn();
  capture = startDraftCapture({
    win: window,
    focus: createFocusTracker(window),
    enabled,
    ignore: () => false,
    save: (entries, pageUrl, since) => {
      saved.push({ entries, pageUrl });
      sinces.push(since);
    },
    clear,
    debounceMs: 1000,
    successWindowMs: 5000,
    ...(loadedAt === undefined ? {} : { loadedAt }),
  });
  return { saved, sinces, clear };
}

function type(selector: string, text: string) {
  const el = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  for (const ch of text) {
    el.value += ch;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch }));
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
    document.querySelector('#work')!.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(1);
  });

  it('never takes text from a card-number or one-time-code field', () => {
    vi.useFakeTimers();
    const { saved } = setup(FORM);
    type('#card', '6222020000000000');
    type('#code', '123456');
    (document.querySelector('#pwd') as HTMLInputElement).value = 'secret';
    document.querySelector('#pwd')!.dispatchEvent(new InputEvent('input', { bubbles: true }));
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

  it('clears the page drafts when a success message follows a submit click', async () => {
    const { clear } = setup(FORM);
    type('#work', '全文');
    document.querySelector('button')!.click();
    const toast = document.createElement('div');
    toast.textContent = '提交成功，材料已报送。';
    document.body.append(toast);
    await vi.waitFor(() => expect(clear).toHaveBeenCalledWith(location.href));
  });

  it('keeps the drafts when the submit shows no success', async () => {
    const { clear } = setup(FORM);
    type('#work', '全文');
    document.querySelector('button')!.click();
    const error = document.createElement('div');
    error.textContent = '请填写联系人';
    document.body.append(error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clear).not.toHaveBeenCalled();
  });

  it('clears instead of saving when the page unloads after a form submit went through', () => {
    const { saved, clear } = setup(FORM);
    const form = document.querySelector('form')!;
    type('#work', '全文');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(clear).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([]);
  });

  it('keeps saving when the page cancelled the submit (its validation failed)', () => {
    const { saved, clear } = setup(FORM);
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    type('#work', '全文');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(clear).not.toHaveBeenCalled();
    expect(saved.map((s) => s.entries[0]!.text)).toEqual(['全文']);
  });
});
