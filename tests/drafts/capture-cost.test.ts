// @vitest-environment happy-dom
// Per-keystroke work must not grow with the page: field discovery (which reads the whole page) runs on a
// field's first edit only, never again for later keystrokes in it.
import { describe, expect, it, vi } from 'vitest';
import * as discovery from '@/lib/dom/discovery';
import { createFocusTracker } from '@/lib/dom/focus';
import { startDraftCapture } from '@/lib/drafts/capture';

vi.mock('@/lib/dom/discovery', async (original) => {
  const actual = await original<typeof import('@/lib/dom/discovery')>();
  return { ...actual, discoverFields: vi.fn(actual.discoverFields) };
});

describe('draft capture cost', () => {
  it('discovers the page once per field, not once per keystroke', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<label for="f${i}">栏目${i}</label><textarea id="f${i}" name="f${i}"></textarea>`);
    document.body.innerHTML = `<form>${rows.join('')}</form>`;
    const capture = startDraftCapture({
      win: window,
      focus: createFocusTracker(window),
      enabled: () => true,
      ignore: () => false,
      save: () => undefined,
      submitted: () => undefined,
    });
    const field = document.querySelector('#f7') as HTMLTextAreaElement;
    for (let i = 0; i < 50; i++) {
      field.value += '字';
      const event = new InputEvent('input', { bubbles: true });
      // As the browser sends it for typing: untrusted events are not drafted at all.
      Object.defineProperty(event, 'isTrusted', { value: true });
      field.dispatchEvent(event);
    }
    expect(vi.mocked(discovery.discoverFields)).toHaveBeenCalledTimes(1);
    capture.stop();
  });
});
