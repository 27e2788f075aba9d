// Snippet search that matches the way users type: Chinese characters, full pinyin (yishixingtai) or pinyin
// initials (ysxt), in any case, ignoring spaces. pinyin-pro does the character → pinyin conversion, with its
// phrase dictionary for polyphonic characters (e.g. 重 in 重要 → zhong), which a per-character table gets wrong.
import { pinyin } from 'pinyin-pro';

export interface Searchable {
  id: string;
  title: string;
  body: string;
  tags: readonly string[];
  useCount: number;
  lastUsedAt: number | null;
}

interface Entry<T> {
  item: T;
  title: string;
  tags: string;
  body: string;
  titlePinyin: string;
  titleInitials: string;
  tagsPinyin: string;
  tagsInitials: string;
}

const HAN = /\p{Script=Han}/u;

function spell(text: string): { full: string; initials: string } {
  if (!HAN.test(text)) {
    const plain = text.toLowerCase().replace(/\s+/g, '');
    return { full: plain, initials: plain };
  }
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  return { full: full.replace(/\s+/g, ''), initials: initials.replace(/\s+/g, '') };
}

export interface SnippetIndex<T extends Searchable> {
  search(query: string): T[];
}

/** Pinyin is computed once per snippet here, not per keystroke. Bodies are matched as characters only. */
export function buildSnippetIndex<T extends Searchable>(items: readonly T[]): SnippetIndex<T> {
  const entries: Entry<T>[] = items.map((item) => {
    const title = spell(item.title);
    const tags = spell(item.tags.join(' '));
    return {
      item,
      title: item.title.toLowerCase(),
      tags: item.tags.join(' ').toLowerCase(),
      body: item.body.toLowerCase(),
      titlePinyin: title.full,
      titleInitials: title.initials,
      tagsPinyin: tags.full,
      tagsInitials: tags.initials,
    };
  });
  const byUse = (a: Entry<T>, b: Entry<T>) =>
    b.item.useCount - a.item.useCount || (b.item.lastUsedAt ?? 0) - (a.item.lastUsedAt ?? 0);

  return {
    search(query: string) {
      const q = query.trim().toLowerCase().replace(/\s+/g, '');
      if (q === '') return [...entries].sort(byUse).map((e) => e.item);
      const scored: { entry: Entry<T>; score: number }[] = [];
      for (const entry of entries) {
        let score = 0;
        if (entry.title.includes(q)) score = 100;
        else if (entry.titlePinyin.includes(q) || entry.titleInitials.includes(q)) score = 80;
        else if (entry.tags.includes(q)) score = 60;
        else if (entry.tagsPinyin.includes(q) || entry.tagsInitials.includes(q)) score = 50;
        else if (entry.body.includes(q)) score = 30;
        if (score > 0) scored.push({ entry, score });
      }
      return scored.sort((a, b) => b.score - a.score || byUse(a.entry, b.entry)).map((s) => s.entry.item);
    },
  };
}
