// Reading a report file as the user's editor saved it: UTF-8 (with or without BOM), UTF-16 with a BOM (Windows
// Notepad's "Unicode"), or GB18030/GBK (Chinese Windows editors' ANSI). Binary files and bytes no encoding
// explains are refused with a reason, never decoded into mojibake. So are encodings the GB18030 decoder would
// accept byte for byte and turn into nonsense: Big5 (traditional Chinese ANSI on Taiwan/Hong Kong Windows),
// Shift-JIS (Japanese ANSI) and CESU-8 (UTF-8 with characters beyond U+FFFF written as two surrogates, as some
// Java and database exports do).

export type Decoded =
  | { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable' | 'big5' | 'shiftJis' | 'cesu8' };

const MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip: docx, xlsx, wps
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: doc, xls
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Control characters other than tab, line feed, carriage return and form feed. */
function looksBinary(text: string): boolean {
  let control = 0;
  const sample = Math.min(text.length, 65_536);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > Math.max(2, sample / 100);
}

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (MAGIC.some((m) => startsWith(bytes, m))) return { ok: false, reason: 'binary' };
  let result: Decoded | undefined;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    try {
      const text = new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: false }).decode(bytes);
      result = { ok: true, text, encoding };
    } catch {
      return { ok: false, reason: 'undecodable' };
    }
  } else {
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary' };
    try {
      result = { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
    } catch {
      const legacy = decodeLegacy(bytes);
      if (!legacy.ok) return legacy;
      result = legacy;
    }
  }
  if (looksBinary(result.text)) return { ok: false, reason: 'binary' };
  if (result.text.trim() === '') return { ok: false, reason: 'empty' };
  return result;
}

/**
 * Whether the bytes are UTF-8 except that characters beyond U+FFFF are written as two three-byte surrogates
 * (ED A0–AF xx, ED B0–BF xx): CESU-8. Strict UTF-8 decoding refuses those, and GB18030 would then read them as
 * Chinese characters. (Real GBK text is almost never valid UTF-8 elsewhere: its lead bytes C2–DF are followed
 * by A1–FE, mostly not UTF-8 continuation bytes.)
 */
function isCesu8(bytes: Uint8Array): boolean {
  let surrogates = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    // A surrogate (ED A0–BF xx), in a pair or alone (a string cut between the two halves): what strict UTF-8
    // refuses and CESU-8 writers produce.
    if (b === 0xed && bytes[i + 1]! >= 0xa0) surrogates++;
    i += length;
  }
  return surrogates > 0;
}

/**
 * Of the two-byte characters GB18030 would read, the share that are GB2312's punctuation rows (A1–A3) or its
 * Chinese characters (rows B0–F7), the characters a mainland report is written in. GBK text scores close to 1.
 * Big5 bytes fall in the same ranges only by chance (its common characters' lead bytes A4–AF land on GB2312's
 * kana and symbol rows, and its trail bytes 40–7E outside GB2312): about 0.4. Shift-JIS: near 0.
 */
function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      pairs++;
      i += 4;
      continue;
    }
    pairs++;
    if (((b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe) common++;
    i += 2;
  }
  return pairs === 0 ? 1 : common / pairs;
}

const GB2312_SHARE = 0.8;
const KANA = /[\u3041-\u3096\u30a1-\u30fa]/;

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes that are not UTF-8: GB18030 when they read as a mainland text, else a refusal naming what they are. */
function decodeLegacy(bytes: Uint8Array): Decoded {
  if (isCesu8(bytes)) return { ok: false, reason: 'cesu8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined && gb2312Share(bytes) >= GB2312_SHARE) return { ok: true, text: gb, encoding: 'GB18030' };
  // Japanese text has kana; Shift-JIS kana bytes (82 9F–F1, 83 40–96) are not GB2312's.
  const sjis = tryDecode('shift_jis', bytes);
  if (sjis !== undefined && KANA.test(sjis)) return { ok: false, reason: 'shiftJis' };
  if (tryDecode('big5', bytes) !== undefined) return { ok: false, reason: 'big5' };
  // GBK beyond GB2312 (traditional characters in GBK's extension rows) that Big5 cannot read.
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'GB18030' };
  return { ok: false, reason: 'undecodable' };
}
