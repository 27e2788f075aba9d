// Titles cut to a length at a phrase boundary. A derived snippet is titled by its first words, and a long
// heading is shortened for a section title; a plain cut at 20 characters left "…做了很多工" (the 作 of 工作
// lost), which reads as a typo in the user's own list. So a title ends at a comma or another phrase mark
// before the limit, else at the end of its first clause if that is not too long, else at a hard maximum that
// is not inside a Latin word, a number, a {{变量}} or a quoted name, marked with … so that the cut is visible.

/** Marks after which a title may end: the phrase marks first, sentence marks too. */
const BOUNDARY = new Set(['，', '、', '；', '：', ',', ';', ':', '。', '！', '？', '!', '?']);
/** End punctuation a title never keeps. */
const TRAILING = /[，,、；;：:。！？!?\s\u3000]+$/;
/** A cut shorter than this would leave only a word or two; the whole clause reads better. */
const MIN_PHRASE = 4;

export interface TitleLimits {
  /** Titles up to this length are kept whole; longer ones end at the last phrase mark at or before it. */
  limit: number;
  /** With no phrase mark before `limit`, the first clause is kept whole up to this length; beyond it, cut. */
  hard: number;
}

export const SNIPPET_TITLE: TitleLimits = { limit: 20, hard: 32 };
export const HEADING_TITLE: TitleLimits = { limit: 30, hard: 40 };

const isAsciiWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9０-９.%]/.test(c);

/**
 * A cut at `at` that splits no Latin word or number, no surrogate pair, no {{变量}} and no 《书名》 or “引语”
 * opened before it: moved back to before what it would split, or undefined when that leaves too little.
 */
function safeCut(text: string, at: number): number | undefined {
  let cut = at;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  while (cut > 0 && isAsciiWord(text[cut - 1]) && isAsciiWord(text[cut])) cut -= 1;
  const head = text.slice(0, cut);
  const openVar = head.lastIndexOf('{{');
  if (openVar > head.lastIndexOf('}}')) cut = openVar;
  for (const [open, close] of [['《', '》'], ['“', '”'], ['（', '）'], ['(', ')']] as const) {
    const opened = text.lastIndexOf(open, cut - 1);
    if (opened >= 0 && opened > text.lastIndexOf(close, cut - 1)) cut = Math.min(cut, opened);
  }
  return cut >= MIN_PHRASE ? cut : undefined;
}

/** `text` as a title of at most about `limits.limit` characters, ending at a phrase boundary (see above). */
export function phraseTitle(text: string, limits: TitleLimits = SNIPPET_TITLE): string {
  const whole = text.replace(/\s*\n\s*/g, ' ').trim().replace(TRAILING, '');
  if (whole.length <= limits.limit) return whole;
  // The last phrase mark at or before the limit (the mark itself is dropped).
  for (let i = Math.min(limits.limit, whole.length - 1); i >= MIN_PHRASE; i--) {
    if (BOUNDARY.has(whole[i]!)) return whole.slice(0, i).replace(TRAILING, '');
  }
  // No mark early enough: the whole first clause, when it is not much longer.
  for (let i = limits.limit + 1; i < whole.length && i <= limits.hard; i++) {
    if (BOUNDARY.has(whole[i]!)) return whole.slice(0, i).replace(TRAILING, '');
  }
  if (whole.length <= limits.hard) return whole;
  const cut = safeCut(whole, limits.hard) ?? limits.hard;
  return `${whole.slice(0, cut).replace(TRAILING, '')}…`;
}
