// web-cruft — lines and fragments carried over from 范文 and document-sharing sites: "- 范文问答", "- 答案列表",
// "[朗读]", 加入收藏, 共计N个字, 精品文档 仅供参考, 文档介绍, 申明敬告, 省略N字 正式会员可完整阅读, page markers
// (第1页 共3页, — 2 —), navigation (上一篇, 猜你喜欢).
// Why: they never belong in a report and show at a glance that it was copied. Severity: blocking, like
// placeholders — nothing in a real report looks like these phrases. Fix: remove the fragment, or the whole
// line (with its line break) when nothing else is on it.
// Data: lib/core/packs/cruft.json. Known false positive: a report about a website that quotes "加入收藏".
import { cruftPack } from '../packs';
import type { Finding, ParagraphRule } from './types';

const entryIds = cruftPack.entries.map((e) => e.id);
const combined = new RegExp(cruftPack.entries.map((e, i) => `(?<c${i}>${e.pattern})`).join('|'), 'g');
/** What may remain on a line for the line itself to count as cruft: spaces, dashes, bullets, bars. */
const LINE_LEFTOVER = /^[\s\-—－·•|｜:：>》]*$/;

export const webCruft: ParagraphRule = {
  id: 'web-cruft',
  category: 'cruft',
  scope: 'paragraph',
  check(text, context) {
    const spans: { start: number; end: number; entry: string }[] = [];
    combined.lastIndex = 0;
    for (let m = combined.exec(text); m; m = combined.exec(text)) {
      if (m[0].length === 0) {
        combined.lastIndex++;
        continue;
      }
      const groups = m.groups!;
      const entry = entryIds.find((_, i) => groups[`c${i}`] !== undefined)!;
      if (!context.disabledEntries.has(entry)) spans.push({ start: m.index, end: m.index + m[0].length, entry });
    }
    if (spans.length === 0) return [];
    let leftover = '';
    let last = 0;
    for (const s of spans) {
      leftover += text.slice(last, s.start);
      last = s.end;
    }
    leftover += text.slice(last);
    const base = { ruleId: 'web-cruft', category: 'cruft', severity: 'blocking' as const };
    if (LINE_LEFTOVER.test(leftover)) {
      // The whole line is cruft: one finding, and the fix removes the line with its line break.
      return [
        {
          ...base,
          start: 0,
          end: text.length,
          messageId: 'rules.cruft.line',
          params: { entry: spans[0]!.entry, text: text.trim() },
          fix: { start: 0, end: text.length + 1, text: '' },
        },
      ];
    }
    return spans.map(
      (s): Finding => ({
        ...base,
        start: s.start,
        end: s.end,
        messageId: 'rules.cruft.fragment',
        params: { entry: s.entry, text: text.slice(s.start, s.end) },
        fix: { start: s.start, end: s.end, text: '' },
      }),
    );
  },
};
