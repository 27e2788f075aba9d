// The GB/T 9704-2012 page, shared by the 公文 export and the 检查报告: A4, margins 37/35/28/26 mm, 3号 (16 pt)
// body type, 22 lines of 28 characters, page numbers "— N —" in 4号 (14 pt) at the outer edge.
//
// Measured with LibreOffice (the tests render every export): the document grid (w:docGrid linesAndChars) is not
// honoured there (11–18 characters a line came out), so the grid is made by exact line spacing (28.95 pt: 22 lines
// fill the 225 mm type area) and −0.25 pt character spacing (28 characters of 15.75 pt fill the 156 mm line).
// The footer is single-spaced (with the body's exact spacing the page lost a line), A4 is given in twips (the mm
// helper rounds 297 mm down), and Word's automatic space between CJK and Latin text is off, since it would widen
// lines holding figures beyond 28 characters.
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type IRunOptions, type IStylesOptions } from 'docx';

/** Twips (1/20 pt) for a length in millimetres, rounded to the nearest. */
export const mm = (value: number) => Math.round((value / 25.4) * 1440);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** Distance from the page's bottom edge to the footer's baseline area: the "—" sits 7 mm below the type area. */
  footer: mm(35 - 7 - 6),
  header: mm(15),
} as const;

export const BODY_SIZE = 32; // half-points: 3号 = 16 pt
export const TITLE_SIZE = 44; // 2号 = 22 pt
export const PAGE_NUMBER_SIZE = 28; // 4号 = 14 pt
/** Exact line pitch in twips: 28.95 pt. */
export const LINE = 579;
/** Character spacing in twips: 16 pt − 0.25 pt = 15.75 pt a character, 28 to the line. */
export const CHAR_SPACING = -5;
/** One character's advance in twips, and the width of the type area in characters. */
export const CHAR = 320 + CHAR_SPACING;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Fonts as Chinese offices name them, each with the name Windows and WPS use when the GB2312 font is not installed
 * (the fontTable's altName), and the GB2312 character set so that a substitute is picked among Chinese fonts.
 */
export const FONTS = {
  fangsong: { name: '仿宋_GB2312', alt: '仿宋' },
  heiti: { name: '黑体', alt: 'SimHei' },
  kaiti: { name: '楷体_GB2312', alt: '楷体' },
  title: { name: '方正小标宋简体', alt: '华文中宋' },
  songti: { name: '宋体', alt: 'SimSun' },
  latin: { name: 'Times New Roman', alt: 'Liberation Serif' },
} as const;

export type FontKey = keyof typeof FONTS;

/** Run fonts: the Chinese face for East Asian text, Times New Roman for figures and Latin letters. */
export function runFont(key: FontKey): IRunOptions['font'] {
  const latin = key === 'songti' ? FONTS.songti.name : FONTS.latin.name;
  return { eastAsia: FONTS[key].name, ascii: latin, hAnsi: latin, cs: latin };
}

function fontEntry(font: { name: string; alt: string }, latin: boolean): string {
  const charset = latin ? '00' : '86';
  const family = latin ? 'roman' : 'modern';
  const pitch = latin ? 'variable' : 'fixed';
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<w:font w:name="${escape(font.name)}"><w:altName w:val="${escape(font.alt)}"/><w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
}

/**
 * word/fontTable.xml: the docx package writes the font table only for embedded fonts, so the table naming the
 * fonts and their substitutes is given to Packer as an override (the one part not built by the package).
 */
export const FONT_TABLE = {
  path: 'word/fontTable.xml',
  data:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    Object.entries(FONTS).map(([key, font]) => fontEntry(font, key === 'latin')).join('') +
    '</w:fonts>',
};

export const EXACT_LINE = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Styles: Normal is the body (仿宋 3号, exact 28.95 pt), Heading 1–4 carry the outline levels 一、（一）1.（1）. */
export function styles(): IStylesOptions {
  const bodyRun = { font: runFont('fangsong'), size: BODY_SIZE, characterSpacing: CHAR_SPACING, color: '000000' };
  const heading = (level: 1 | 2 | 3 | 4, font: FontKey) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...bodyRun, font: runFont(font), bold: false, italics: false },
    paragraph: { outlineLevel: level - 1, spacing: EXACT_LINE, indent: { firstLine: 2 * CHAR } },
  });
  return {
    default: {
      document: { run: bodyRun, paragraph: { spacing: EXACT_LINE } },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: bodyRun,
        paragraph: { spacing: EXACT_LINE },
      },
      heading(1, 'heiti'),
      heading(2, 'kaiti'),
      heading(3, 'fangsong'),
      heading(4, 'fangsong'),
    ],
  };
}

/** "— N —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even ones. */
export function pageFooters(): { default: Footer; even: Footer } {
  const number = (odd: boolean) =>
    new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: odd ? { right: 280 } : { left: 280 },
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont('songti'), size: PAGE_NUMBER_SIZE, characterSpacing: 0 })],
    });
  return { default: new Footer({ children: [number(true)] }), even: new Footer({ children: [number(false)] }) };
}

export const SECTION_PROPERTIES = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...PAGE.margin, footer: PAGE.footer, header: PAGE.header, gutter: 0 },
  },
} as const;
