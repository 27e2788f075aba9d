// Reading a report file as the user's editor saved it: UTF-8 (with or without BOM), UTF-16 with a BOM (Windows
// Notepad's "Unicode"), or GB18030/GBK (Chinese Windows editors' ANSI). Binary files and bytes no encoding
// explains are refused with a reason, never decoded into mojibake.

export type Decoded =
  | { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable' };

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
      try {
        result = { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
      } catch {
        return { ok: false, reason: 'undecodable' };
      }
    }
  }
  if (looksBinary(result.text)) return { ok: false, reason: 'binary' };
  if (result.text.trim() === '') return { ok: false, reason: 'empty' };
  return result;
}
