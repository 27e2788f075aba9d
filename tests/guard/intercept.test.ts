// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIntercept, type GuardDecision, type Interceptor, type PanelGuard } from '@/lib/guard/intercept';

let interceptor: Interceptor | undefined;
afterEach(() => {
  interceptor?.stop();
  interceptor = undefined;
  document.body.innerHTML = '';
});

/** A page whose 提交 button counts its own clicks, as a portal's handler would. */
function page() {
  document.body.innerHTML = '<button type="button" id="go">提交</button><button type="button" id="other">暂存</button>';
  const button = document.getElementById('go')!;
  const handled = vi.fn();
  button.addEventListener('click', handled);
  return { button, handled };
}

type GuardDouble = PanelGuard & { ask: ReturnType<typeof vi.fn>; check: ReturnType<typeof vi.fn> };

/** A panel whose verdict is `blocking`; `clean` = its last verdict covers the form as it is (no hold at all). */
function guard(blocking: number, decision?: Promise<GuardDecision>, clean = false): GuardDouble {
  return {
    cleanNow: () => clean,
    check: vi.fn(async () => ({ blocking })),
    ask: vi.fn(() => decision ?? Promise.resolve('submit' as const)),
  };
}

function start(options: Partial<Parameters<typeof startIntercept>[0]> = {}) {
  interceptor = startIntercept({
    win: window,
    enabled: () => true,
    current: () => undefined,
    load: async () => undefined,
    timeoutMs: 200,
    ...options,
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('with the panel loaded', () => {
  it('lets the click through untouched when the current verdict is clean', () => {
    const { button, handled } = page();
    const panel = guard(0, undefined, true);
    start({ current: () => panel });
    button.click();
    expect(handled).toHaveBeenCalledTimes(1);
    expect(panel.check).not.toHaveBeenCalled();
  });

  it('checks the form as it is when the verdict is not current, then replays the click once', async () => {
    const { button, handled } = page();
    const panel = guard(0);
    start({ current: () => panel });
    button.click();
    expect(handled).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
    expect(panel.check).toHaveBeenCalledTimes(1);
  });

  it('holds the click while the user looks at blocking findings', () => {
    const { button, handled } = page();
    start({ current: () => guard(2, new Promise(() => undefined)) });
    button.click();
    expect(handled).not.toHaveBeenCalled();
  });

  it('submits nothing when the user goes back to correct', async () => {
    const { button, handled } = page();
    start({ current: () => guard(1, Promise.resolve('cancel')) });
    button.click();
    await settle();
    expect(handled).not.toHaveBeenCalled();
  });

  it('runs the page handler exactly once when the user submits anyway', async () => {
    const { button, handled } = page();
    start({ current: () => guard(1, Promise.resolve('submit')) });
    button.click();
    await settle();
    await settle();
    expect(handled).toHaveBeenCalledTimes(1);
  });

  it('does not hold a click on another button', () => {
    const { handled } = page();
    const other = vi.fn();
    document.getElementById('other')!.addEventListener('click', other);
    const check = guard(3);
    start({ current: () => check });
    document.getElementById('other')!.click();
    expect(other).toHaveBeenCalledTimes(1);
    expect(check.check).not.toHaveBeenCalled();
    expect(handled).not.toHaveBeenCalled();
  });

  it('lets the submit through when the checks fail', async () => {
    const { button, handled } = page();
    start({
      current: () => ({
        cleanNow: () => false,
        check: async () => {
          throw new Error('broken');
        },
        ask: async () => 'cancel',
      }),
    });
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
  });

  it('lets the submit through when the panel never answers, within the time-out', async () => {
    const { button, handled } = page();
    start({ current: () => ({ cleanNow: () => false, check: () => new Promise(() => undefined), ask: async () => 'cancel' }), timeoutMs: 60 });
    const clicked = Date.now();
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1), { timeout: 1000 });
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(50);
  });

  it('lets the submit through when the panel goes away while the user is being asked', async () => {
    const { button, handled } = page();
    const panel = guard(2);
    panel.ask.mockImplementation(() => Promise.reject(new Error('panel removed')));
    start({ current: () => panel });
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
  });

  it('asks once however often the submit is pressed while the dialog is open', async () => {
    const { button, handled } = page();
    let choose: (decision: GuardDecision) => void = () => undefined;
    const panel = guard(2, new Promise<GuardDecision>((resolve) => (choose = resolve)));
    start({ current: () => panel });
    button.click();
    await vi.waitFor(() => expect(panel.ask).toHaveBeenCalledTimes(1));
    button.click();
    button.click();
    await settle();
    expect(panel.ask).toHaveBeenCalledTimes(1);
    choose('submit');
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
    await settle();
    expect(handled).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when the page submits late after the user chose to submit', async () => {
    document.body.innerHTML = '<form id="f"><textarea></textarea><button type="button" id="go">提交</button></form>';
    const form = document.getElementById('f') as HTMLFormElement;
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    // The portal validates first and submits the form itself, a while after the click.
    document.getElementById('go')!.addEventListener('click', () => setTimeout(() => form.requestSubmit(), 30));
    const panel = guard(1, Promise.resolve('submit'));
    start({ current: () => panel });
    document.getElementById('go')!.click();
    await vi.waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
    expect(panel.ask).toHaveBeenCalledTimes(1);
  });

  it('checks again once the user has edited the form', async () => {
    const { button, handled } = page();
    const panel = guard(1, Promise.resolve('submit'));
    start({ current: () => panel });
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
    const edit = new Event('input', { bubbles: true });
    Object.defineProperty(edit, 'isTrusted', { value: true });
    document.body.dispatchEvent(edit);
    button.click();
    await vi.waitFor(() => expect(panel.ask).toHaveBeenCalledTimes(2));
  });
});

describe('with the panel not loaded yet', () => {
  it('loads it, and replays the click once the text is found clean', async () => {
    const { button, handled } = page();
    const load = vi.fn(async () => guard(0));
    start({ load });
    button.click();
    expect(handled).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks about blocking findings after loading', async () => {
    const { button, handled } = page();
    const loaded = guard(1, Promise.resolve('cancel'));
    start({ load: async () => loaded });
    button.click();
    await vi.waitFor(() => expect(loaded.ask).toHaveBeenCalled());
    await settle();
    expect(handled).not.toHaveBeenCalled();
  });

  it('submits when loading fails', async () => {
    const { button, handled } = page();
    start({ load: () => Promise.reject(new Error('extension reloaded')) });
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1));
  });

  it('submits when loading takes longer than the time-out', async () => {
    const { button, handled } = page();
    start({ load: () => new Promise(() => undefined), timeoutMs: 50 });
    button.click();
    await vi.waitFor(() => expect(handled).toHaveBeenCalledTimes(1), { timeout: 1000 });
  });

  it('treats a second click while loading as the same submit', async () => {
    const { button, handled } = page();
    let finish: (g: PanelGuard | undefined) => void = () => undefined;
    start({ load: () => new Promise((resolve) => (finish = resolve)) });
    button.click();
    button.click();
    finish(guard(0));
    await vi.waitFor(() => expect(handled).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toHaveBeenCalledTimes(1);
  });
});

describe('switched off', () => {
  it('never holds the submit', () => {
    const { button, handled } = page();
    const check = guard(5);
    start({ enabled: () => false, current: () => check });
    button.click();
    expect(handled).toHaveBeenCalledTimes(1);
    expect(check.check).not.toHaveBeenCalled();
  });
});

describe('form submit events', () => {
  it('holds the submit of a report form and replays it once with requestSubmit', async () => {
    document.body.innerHTML = '<form id="f"><textarea></textarea><button id="ok">确定</button></form>';
    const form = document.getElementById('f') as HTMLFormElement;
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    start({ current: () => guard(1, Promise.resolve('submit')) });
    form.requestSubmit();
    expect(submitted).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
    await settle();
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('leaves a form without long-text fields alone', () => {
    document.body.innerHTML = '<form id="f"><input name="q"></form>';
    const form = document.getElementById('f') as HTMLFormElement;
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    const check = guard(1);
    start({ current: () => check });
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledTimes(1);
    expect(check.check).not.toHaveBeenCalled();
  });
});
