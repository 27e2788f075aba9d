// Reading a report file's bytes (lib/cli/decode.ts): UTF-8, UTF-16 with BOM and GB18030 are read; Big5,
// Shift-JIS and CESU-8, which the GB18030 decoder would accept byte for byte as nonsense, are refused (issue 9,
// item 7). Bytes are written by hand (from the encodings' tables) and, where the iconv tool exists, made by it.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../lib/cli/decode';
import { report } from './corpus';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function iconv(to: string, text: string): Uint8Array | undefined {
  try {
    return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
  } catch {
    return undefined;
  }
}
const hasIconv = iconv('GBK', '中') !== undefined;

// 關於2026年上半年意識形態工作情況的報告 / 一、主要工作情況 / … in traditional characters: all in Big5.
const TRADITIONAL = '關於2026年上半年意識形態工作情況的報告\n一、主要工作情況\n我單位認真落實意識形態工作責任制，召開黨組會議研究部署，加強陣地管理。\n';

describe('accepted', () => {
  it('GBK bytes written by hand: 一、中文报告', () => {
    const result = decodeReport(bytes(0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xa8, 0xb8, 0xe6));
    expect(result).toEqual({ ok: true, text: '一、中文报告', encoding: 'GB18030' });
  });

  it('GB18030 with a four-byte character (😀 = 94 39 FC 36)', () => {
    const result = decodeReport(bytes(0xd2, 0xbb, 0xa1, 0xa2, 0x94, 0x39, 0xfc, 0x36, 0xb1, 0xa8, 0xb8, 0xe6));
    expect(result).toEqual({ ok: true, text: '一、😀报告', encoding: 'GB18030' });
  });

  it('UTF-8 with a character beyond U+FFFF (4 bytes, not CESU-8)', () => {
    expect(decodeReport(new TextEncoder().encode('一、工作😀情况'))).toMatchObject({ ok: true, encoding: 'UTF-8', text: '一、工作😀情况' });
  });

  it.runIf(hasIconv)('the corpus as GBK, read back to the same text', () => {
    const text = report('B');
    expect(decodeReport(iconv('GBK', text)!)).toEqual({ ok: true, text, encoding: 'GB18030' });
  });

  it.runIf(hasIconv)('traditional characters saved as GBK (its extension rows, which Big5 cannot read)', () => {
    expect(decodeReport(iconv('GBK', TRADITIONAL)!)).toEqual({ ok: true, text: TRADITIONAL, encoding: 'GB18030' });
  });

  it.runIf(hasIconv)('GB18030 with four-byte characters, made by iconv', () => {
    const text = `${report('E')}\n一、😀𠀀工作情况\n`;
    expect(decodeReport(iconv('GB18030', text)!)).toEqual({ ok: true, text, encoding: 'GB18030' });
  });
});

describe('refused', () => {
  it('Big5 bytes written by hand: 報告 (B3 F8 A7 69)', () => {
    expect(decodeReport(bytes(0xb3, 0xf8, 0xa7, 0x69))).toEqual({ ok: false, reason: 'big5' });
  });

  it('Shift-JIS bytes written by hand: これは (82 B1 82 EA 82 CD)', () => {
    expect(decodeReport(bytes(0x82, 0xb1, 0x82, 0xea, 0x82, 0xcd))).toEqual({ ok: false, reason: 'shiftJis' });
  });

  it('CESU-8 written by hand: 工作😀 with the emoji as two surrogates (ED A0 BD ED B8 80)', () => {
    const work = [...new TextEncoder().encode('一、工作')];
    expect(decodeReport(bytes(...work, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, ...ascii('\n')))).toEqual({ ok: false, reason: 'cesu8' });
  });

  it.runIf(hasIconv)('a traditional-Chinese report saved as Big5 by iconv', () => {
    expect(decodeReport(iconv('BIG5', TRADITIONAL)!)).toEqual({ ok: false, reason: 'big5' });
  });

  it.runIf(hasIconv)('a Japanese text saved as Shift-JIS by iconv', () => {
    expect(decodeReport(iconv('SHIFT_JIS', '報告書\nこれは日本語のテキストです。会議を開きました。\n')!)).toEqual({ ok: false, reason: 'shiftJis' });
  });

  it('a lone surrogate in CESU-8 form (a string cut between the two halves)', () => {
    expect(decodeReport(bytes(...ascii('ok '), 0xed, 0xa0, 0xbd, 0x41))).toEqual({ ok: false, reason: 'cesu8' });
  });
});
