import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, ruleTable } from './helpers';
import { lineShape } from '../../../lib/core/rules/hard-wrap';

/** A paragraph cut every `width` characters, as a document preview lays it out (the last line shorter). */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < paragraph.length; i += width) lines.push(paragraph.slice(i, i + width));
  return lines.join('\n');
}

const P1 =
  '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，认真落实意识形态工作责任制，切实把意识形态工作摆在突出位置。';
const P2 = '局党组书记认真履行第一责任人职责，带头抓意识形态工作，带头管阵地把导向强队伍，重要工作亲自部署、重要问题亲自过问、重大事件亲自处置。';
const P3 = '严格落实党组理论学习中心组学习制度，全年开展集中学习十二次，专题研讨四次，班子成员撰写心得体会二十余篇，干部职工参加网上学习实现全覆盖。';
const P4 = '加强网络阵地管理，对单位网站和政务新媒体实行三审三校制度。';

/** Three paragraphs, each of two preview lines (one break each): only the shared width tells. */
const SHORT_PARAGRAPHS = ['围绕宣传贯彻党的二十大精神，开展专题宣讲十二场次，覆盖干部群众两千', '余人。', '加强意识形态阵地建设管理，落实网站和新媒体内容审核制度，全年未发生', '问题。', '开展网络舆情分析研判，建立舆情台账，及时回应群众关切，确保网络空间', '清朗。'];

ruleTable(
  'hard-wrap',
  [
    // Four preview lines of 26 characters and the paragraph's last line.
    { text: wrap(P1, 26), span: wrap(P1, 26), fix: wrap(P1, 26).split('\n').slice(1, -1).join('') },
    { text: `一、主要工作\n${wrap(P2, 24)}`, span: wrap(P2, 24) },
    { text: wrap(P3, 30), span: wrap(P3, 30) },
    // A line that starts with a comma or a particle continues the sentence above it.
    { text: '认真落实意识形态工作责任制\n，切实把意识形态工作摆在突出位置。', span: '认真落实意识形态工作责任制\n，切实把意识形态工作摆在突出位置。', fix: '' },
    { text: '通过专题学习，进一步增强了干部职工\n的政治意识和大局意识。', span: '通过专题学习，进一步增强了干部职工\n的政治意识和大局意识。', fix: '' },
    // A book title torn by the line break (the corpus: 《育主体?\n兴产业 惠民生 率先实现全面小康》).
    { text: '所写的调研文章《育主体\n兴产业 惠民生 率先实现全面小康》荣获县三等奖。', span: '所写的调研文章《育主体\n兴产业 惠民生 率先实现全面小康》荣获县三等奖。', fix: '' },
    { text: '认真学习《中国共产党宣传工作\n条例》，落实意识形态工作责任制。', span: '认真学习《中国共产党宣传工作\n条例》，落实意识形态工作责任制。' },
    // One break per paragraph, but three paragraphs broken at the same width.
    { text: SHORT_PARAGRAPHS.join('\n'), span: `${SHORT_PARAGRAPHS[2]}\n${SHORT_PARAGRAPHS[3]}` },
    // A run whose lines end with commas, with spaces left at the line ends by the viewer.
    {
      text: '压实意识形态工作责任，把意识形态工作纳入年度目标考核，  \n与业务工作同部署、同落实、同检查、同考核，形成齐抓共管 \n的工作格局。',
      span: '压实意识形态工作责任，把意识形态工作纳入年度目标考核，  \n与业务工作同部署、同落实、同检查、同考核，形成齐抓共管 \n的工作格局。',
      fix: '与业务工作同部署、同落实、同检查、同考核，形成齐抓共管',
    },
    // Pieces a preview's text layer splits off: a year before its 年, a lone quotation mark, the sentence's end.
    {
      text: '市政协办公室\n2025\n年意识形态工作总结与\n2026\n年工作计划',
      span: '市政协办公室\n2025\n年意识形态工作总结与\n2026\n年工作计划',
      fix: '2025年意识形态工作总结与2026',
    },
    { text: '习近平总书记强调，\n"\n建设具有强大凝聚力和引领力的社会主义意识形态。', span: '习近平总书记强调，\n"\n建设具有强大凝聚力和引领力的社会主义意识形态。' },
    { text: '做到对本镇基层党建工作情况明、思路\n清。', span: '做到对本镇基层党建工作情况明、思路\n清。', fix: '' },
  ],
  [
    // A heading and its body, a title and the body, a signature.
    { text: `一、主要工作\n${P1}` },
    { text: `关于2023年上半年意识形态工作责任制落实情况的报告\n${P1}` },
    { text: `${P2}\n\n中共青山县委宣传部\n2023年7月5日` },
    // Two lines written on purpose, each without a full stop: one break and no evidence.
    { text: '加强理论学习，提升政治站位\n强化阵地管理，守住意识形态防线' },
    // An unpunctuated list whose items have the same length: the run never ends a sentence.
    { text: '加强理论学习提升政治能力\n强化阵地管理守住防线底线\n压实工作责任推动任务落实' },
    // A poem, a table, a meeting log.
    { text: '春眠不觉晓，\n处处闻啼鸟。\n夜来风雨声，\n花落知多少。' },
    { text: '姓名  职务  电话\n王明  支部书记  13800000000\n李华  宣传委员  13900000000' },
    { text: '2023年3月5日 召开党组会议 研究意识形态工作形势分析研判\n2023年4月7日 召开党组会议 部署网络意识形态安全工作检查\n2023年5月9日 召开党组会议 听取宣传思想文化工作情况汇报。' },
    // Parallel headings of one length, each followed by its body: headings never support each other.
    {
      text: [
        '（一）强化组织领导，压紧压实工作责任',
        P1,
        '（二）加强阵地建设，筑牢思想文化防线',
        P2,
        '（三）抓好理论武装，提升政治理论水平',
        P3,
      ].join('\n'),
    },
    // Sentences that end at the line end, a line ending with a closing mark, an indented new paragraph.
    { text: `${P1}\n${P2}\n${P3}` },
    { text: `深入学习《中国共产党章程》\n${P4}` },
    { text: '认真落实党组理论学习中心组学习制度全年开展集中学习\n　　二是加强阵地管理，落实三审三校制度。' },
    // A quotation running over two paragraphs, each opening with “.
    { text: '他强调：“要守好意识形态阵地。\n“要落实好主体责任。”' },
    // A page number on its own line, a phone number before a name that is also a unit word, a closing line.
    { text: '全面落实意识形态工作责任制\n2\n推进阵地建设。' },
    { text: '王明  宣传委员  13800000000\n元华  组织委员  13900000000' },
    { text: '下一步，我们将继续抓好意识形态工作\n特此报告。' },
    // 了解 and 及时 start sentences: a line starting with them is not a particle's continuation.
    { text: '组织全体党员干部深入基层开展调查研究\n了解群众所思所盼。' },
    { text: '对发现的问题建立台账逐项整改销号\n及时向党组报告整改情况。' },
  ],
);

describe('headings', () => {
  const HEADING = '二、抓好意识形态工作，必须树立和落实大宣传理念，着力构建多形式、齐动手、全覆盖的“大宣传”格局';

  it('joins a long heading the preview wrapped, when the body lines show the width', () => {
    const text = [wrap(P1, 26), wrap(HEADING, 26), wrap(P2, 26), wrap(P3, 26)].join('\n');
    const spans = findingsOf('hard-wrap', text).map((f) => text.slice(f.start, f.end));
    expect(spans).toContain(wrap(HEADING, 26));
  });

  it('leaves a heading exactly as wide as the preview when its body follows on the next line', () => {
    const heading = HEADING.slice(0, 26);
    const text = [wrap(P1, 26), heading, P2, wrap(P3, 26)].join('\n');
    const found = findingsOf('hard-wrap', text);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(text.slice(f.start, f.end)).not.toContain(heading);
  });
});

describe('the fix', () => {
  it('joins every line of a run into one paragraph and keeps the paragraph end', () => {
    const text = `${wrap(P1, 26)}\n${P4}`;
    const found = findingsOf('hard-wrap', text);
    expect(found).toHaveLength(1);
    expect(applyFix(text, found[0]!)).toBe(`${P1}\n${P4}`);
    expect(found[0]!.params).toEqual({ lines: wrap(P1, 26).split('\n').length });
  });

  it('keeps a space between two Latin words it joins', () => {
    const text = '各单位要统一使用国产办公软件的WPS\nOffice编辑和报送材料，严禁使用境外\n的云盘和即时通讯工具传输涉密文件。';
    const found = findingsOf('hard-wrap', text);
    expect(found).toHaveLength(1);
    expect(applyFix(text, found[0]!)).toBe('各单位要统一使用国产办公软件的WPS Office编辑和报送材料，严禁使用境外的云盘和即时通讯工具传输涉密文件。');
  });

  it('says when the break tears a bracket pair', () => {
    const text = '认真学习《中国共产党宣传工作\n条例》，落实意识形态工作责任制。';
    expect(findingsOf('hard-wrap', text).map((f) => f.messageId)).toEqual(['rules.hardWrap.bracket']);
    expect(findingsOf('unbalanced-brackets', text)).toEqual([]);
  });

  it('finds a wrapped paragraph again after an edit elsewhere, with moved offsets', async () => {
    const { createRuleRunner } = await import('../../../lib/core/rules');
    const runner = createRuleRunner();
    const text = wrap(P1, 26);
    const first = runner.run({ text }).filter((f) => f.ruleId === 'hard-wrap');
    const second = runner.run({ text: `新加一行。\n${text}` }).filter((f) => f.ruleId === 'hard-wrap');
    expect(second.map((f) => f.start - '新加一行。\n'.length)).toEqual(first.map((f) => f.start));
  });
});

describe('the shape of a short line, read in one pass', () => {
  // The width and the table-row test as they were first written (a width loop, a RegExp search for gaps, a
  // search for spaces): lineShape must give what they give, on lines of blanks of every kind and text.
  const isAsciiMark = (c: number) => ',:;()!?"'.includes(String.fromCharCode(c));
  function widthOf(text: string, to: number): number {
    let w = 0;
    let han = 0;
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      w += (c < 0x2000 && !isAsciiMark(c)) || (c > 0x206f && c < 0x2e80) ? 1 : 2;
      if (c >= 0x3400 && c < 0xa000) han++;
    }
    return han * 2 >= to ? w : 0;
  }
  const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;
  function fielded(text: string, from: number, to: number): boolean {
    const gap = /[ \u3000\u00a0]{2}|\t/g;
    gap.lastIndex = from;
    let gaps = 0;
    while (gap.test(text)) {
      const at = gap.lastIndex - 1;
      if (at >= to) break;
      if (text.charCodeAt(at) === 0x09 || ++gaps >= 2) return true;
      while (gap.lastIndex < to && isSpace(text.charCodeAt(gap.lastIndex))) gap.lastIndex++;
    }
    let singles = 0;
    for (let at = text.indexOf(' ', from); at !== -1 && at < to; at = text.indexOf(' ', at + 1)) if (++singles >= 2) return true;
    return false;
  }

  it('gives the width and the fields of the three passes it replaced', () => {
    let seed = 29;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = [' ', ' ', '\u3000', '\u00a0', '\t', '工作', '会议', '，', '。', ',', ':', '(', 'ab', '12', '“', '—', '…', 'xx', '①', '㐀'];
    let rows = 0;
    let wide = 0;
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      for (let k = Math.floor(next() * 14); k > 0; k--) line += pieces[Math.floor(next() * pieces.length)]!;
      let from = 0;
      let to = line.length;
      while (from < to && isSpace(line.charCodeAt(from))) from++;
      while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
      const shape = lineShape(line, from, to);
      expect(shape >> 1, JSON.stringify(line)).toBe(widthOf(line, to));
      expect((shape & 1) === 1, JSON.stringify(line)).toBe(fielded(line, from, to));
      if (shape & 1) rows++;
      if (shape >> 1) wide++;
    }
    expect(rows).toBeGreaterThan(1_000);
    expect(wide).toBeGreaterThan(1_000);
  });
});
