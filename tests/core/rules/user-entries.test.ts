// The user's own wrong → right pairs: the right text is taken literally (issue 9, item 7). A replacement
// string passed to String.prototype.replace reads $&, $1, $$ and $` as patterns; typed by a user they are text.
import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf } from './helpers';

const entry = (wrong: string, right: string) => ({ userEntries: [{ id: 'user-1', wrong, right }] });

describe('user entries', () => {
  it('flags the wrong text and offers the right one', () => {
    const text = '我单位网信办负责此项工作。';
    const [f] = findingsOf('user-entries', text, undefined, entry('网信办', '网络安全和信息化委员会办公室'));
    expect(text.slice(f!.start, f!.end)).toBe('网信办');
    expect(applyFix(text, f!)).toBe('我单位网络安全和信息化委员会办公室负责此项工作。');
  });

  it.each([
    ['$&', '经费$&元'],
    ['$1', '经费$1元'],
    ['$$', '经费$$元'],
    ['$`', "经费$`元"],
    ["$'", "经费$'元"],
    ['$<name>', '经费$<name>元'],
    ['a trailing $', '经费元$'],
  ])('takes %s in the right text literally', (_name, right) => {
    const text = '本年度经费xx元已拨付。';
    const [f] = findingsOf('user-entries', text, undefined, entry('经费xx元', right));
    expect(f!.fix!.text).toBe(right);
    expect(applyFix(text, f!)).toBe(`本年度${right}已拨付。`);
  });

  it('takes a $ in the wrong text literally too', () => {
    const text = '合计$100元。';
    const [f] = findingsOf('user-entries', text, undefined, entry('$100元', '100元'));
    expect(text.slice(f!.start, f!.end)).toBe('$100元');
    expect(f!.fix!.text).toBe('100元');
  });
});
