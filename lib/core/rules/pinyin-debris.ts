// pinyin-debris — pronunciation glosses left over from teaching or dictionary pages: 凝(níng)聚, 角（jué）色.
// Why: they come from copying 范文 pages that annotate hard characters; a report never carries them.
// Only letters with a tone mark count, so English abbreviations in brackets (APP, PPT) stay silent.
// Severity: warning. Fix: remove the bracket and its pinyin.
// Known false positive: a linguistics text that glosses pronunciation on purpose.
import type { Finding, ParagraphRule } from './types';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
// The look-behind (a Han character before the bracket) comes after the bracket is matched: a pattern that starts
// with a character class lets V8 skip ahead to the next bracket, one that starts with a look-behind is tried at
// every position (four times slower on a long text).
const PINYIN = new RegExp(
  `[（(](?<=[\\u4e00-\\u9fff][（(])(?=[a-zü]{0,7}[${TONED}])[a-zü${TONED}]{1,8}(?:[ ][a-zü${TONED}]{1,8}){0,3}[）)]`,
  'g',
);

export const pinyinDebris: ParagraphRule = {
  id: 'pinyin-debris',
  category: 'cruft',
  scope: 'paragraph',
  // PINYIN starts with an opening bracket.
  needs: '（(',
  check(text) {
    const out: Finding[] = [];
    PINYIN.lastIndex = 0;
    for (let m = PINYIN.exec(text); m; m = PINYIN.exec(text)) {
      const end = m.index + m[0].length;
      out.push({
        ruleId: 'pinyin-debris',
        category: 'cruft',
        severity: 'warning',
        start: m.index,
        end,
        messageId: 'rules.pinyin.message',
        params: { text: m[0] },
        fix: { start: m.index, end, text: '' },
      });
    }
    return out;
  },
};
