// Text that a Word document can carry and a 公文 font can print. Runs in the page and in Node (no Node APIs).
//
// Three classes of character are looked at, once per character, in one pass:
// - characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF):
//   a .docx holding one is a broken file that Word refuses to open, so they are always removed;
// - emoji and their joiners/variation selectors, and other symbols beyond the BMP that are not ideographs: they
//   lie outside the GB18030 repertoire that 公文 fonts cover and print as blanks or boxes, so they are removed
//   too, and listed in a warning (a 公文 has no emoji; one pasted from a chat is a slip);
// - ideographs beyond the BMP (CJK Extension B and later, e.g. 𠮷 in a name) and private-use characters: kept,
//   since a rare character in a name must not be lost, and listed so that the user checks that the printing
//   machine has a font with them (仿宋_GB2312 has none).

export interface CharacterReport {
  /** Distinct characters removed, in order of first appearance. */
  removed: string[];
  /** How many characters were removed in all. */
  removedCount: number;
  /** Distinct rare characters kept (astral ideographs, private use). */
  rare: string[];
  /** XML-invalid characters removed (controls, lone surrogates); not listed, only counted. */
  invalidCount: number;
}

const LIST_LIMIT = 20;

const isAstralIdeograph = (cp: number) => cp >= 0x20000 && cp <= 0x3ffff;
const isPrivateUse = (cp: number) => cp >= 0xe000 && cp <= 0xf8ff || cp >= 0xf0000;
/** Emoji helpers in the BMP: zero-width joiner, variation selectors, keycap combiner. */
const isEmojiJoiner = (cp: number) => cp === 0x200d || cp >= 0xfe00 && cp <= 0xfe0f || cp === 0x20e3;

// A fast test first: text with none of these has nothing to clean (the common case, one native scan).
// eslint-disable-next-line no-control-regex
const SUSPECT_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ue000-\uf8ff\ufe00-\ufe0f\ufffe\uffff\u200d\u20e3]/;

/** `text` with what a .docx cannot hold or a 公文 font cannot print removed; see the header. Linear. */
export function cleanText(text: string): { text: string; report: CharacterReport } {
  const report: CharacterReport = { removed: [], removedCount: 0, rare: [], invalidCount: 0 };
  if (!SUSPECT_RE.test(text)) return { text, report };
  const removed = new Set<string>();
  const rare = new Set<string>();
  let out = '';
  let from = 0;
  const drop = (i: number, length: number, listed: string | undefined) => {
    out += text.slice(from, i);
    from = i + length;
    if (listed === undefined) report.invalidCount++;
    else {
      report.removedCount++;
      if (removed.size < LIST_LIMIT) removed.add(listed);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) drop(i, 1, undefined);
      continue;
    }
    if (code < 0xd800) {
      if (isEmojiJoiner(code)) drop(i, 1, undefined);
      continue;
    }
    if (code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        drop(i, 1, undefined);
        continue;
      }
      const cp = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      const char = text.slice(i, i + 2);
      if (isAstralIdeograph(cp) || isPrivateUse(cp)) {
        if (rare.size < LIST_LIMIT) rare.add(char);
      } else drop(i, 2, char);
      i++;
      continue;
    }
    if (code <= 0xdfff) {
      drop(i, 1, undefined);
      continue;
    }
    if (code === 0xfffe || code === 0xffff || isEmojiJoiner(code)) drop(i, 1, undefined);
    else if (isPrivateUse(code) && rare.size < LIST_LIMIT) rare.add(text[i]!);
  }
  out += text.slice(from);
  report.removed = [...removed];
  report.rare = [...rare];
  return { text: out, report };
}

/** Width of `text` in full-width characters: CJK and full-width forms count 1, ASCII and half-width ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    width += code < 0x2e80 && !(code >= 0x2010 && code <= 0x2027) && !(code >= 0x3000) ? 0.5 : 1;
  }
  return width;
}
