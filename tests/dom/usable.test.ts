// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { unusableReason } from '@/lib/dom/usable';

afterEach(() => {
  document.body.innerHTML = '';
});

const field = (html: string) => {
  document.body.innerHTML = html;
  return document.getElementById('f') as HTMLElement;
};

describe('unusableReason returns nothing for', () => {
  it('a plain textarea', () => {
    expect(unusableReason(field('<textarea id="f"></textarea>'), false)).toBeUndefined();
  });

  it('a contenteditable editor', () => {
    expect(unusableReason(field('<div id="f" contenteditable="true"></div>'), false)).toBeUndefined();
  });
});

describe('unusableReason refuses', () => {
  it.each([
    ['a disabled field', '<textarea id="f" disabled></textarea>', 'disabled'],
    ['a read-only field', '<textarea id="f" readonly></textarea>', 'readOnly'],
    ['a field in a hidden box', '<div style="display:none"><textarea id="f"></textarea></div>', 'hidden'],
    ['a field with the hidden attribute', '<textarea id="f" hidden></textarea>', 'hidden'],
    ['an invisible field', '<textarea id="f" style="visibility:hidden"></textarea>', 'hidden'],
    ['a transparent field', '<textarea id="f" style="opacity:0"></textarea>', 'hidden'],
    ['a field inside a transparent box', '<div style="opacity:0.05"><textarea id="f"></textarea></div>', 'hidden'],
  ])('%s', (_name, html, reason) => {
    expect(unusableReason(field(html), false)).toBe(reason);
  });
});
