import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cruftLineEntries, FRAGMENT_PREFILTER, fragmentsBothWays } from '../../../lib/core/rules/web-cruft';
import { requiredLiterals } from '../../../lib/core/rules/literal-filter';
import { cruftPack } from '../../../lib/core/packs';
import { applyFix, findingsOf, ruleTable } from './helpers';

ruleTable(
  'web-cruft',
  [
    { text: '- 范文问答', span: '- 范文问答', fix: '' },
    { text: '- 答案列表', span: '- 答案列表', fix: '' },
    { text: '关于2021年学校意识形态工作情况报告[朗读]', span: '[朗读]', fix: '' },
    { text: '加入收藏', span: '加入收藏', fix: '' },
    { text: '全文共计3528个字', span: '共计3528个字', fix: '' },
    { text: '精品文档 仅供参考', span: '精品文档 仅供参考', fix: '' },
    { text: '文档介绍：', span: '文档介绍：', fix: '' },
    { text: '申明敬告：', span: '申明敬告：', fix: '' },
    { text: '……省略2000字，正式会员可完整阅读……', span: '省略2000字，正式会员可完整阅读' },
    { text: '第1页 共3页', span: '第1页 共3页', fix: '' },
    { text: '— 2 —', span: '— 2 —', fix: '' },
    { text: '上一篇：2020年意识形态工作总结', span: '上一篇：' },
    // Page metadata: the whole line is "label：value", alone or several in a row.
    { text: '更新时间：2023-05-06 10:23:41', span: '更新时间：2023-05-06 10:23:41', fix: '' },
    { text: '发布日期：2022年12月30日', span: '发布日期：2022年12月30日', fix: '' },
    { text: '发布时间：2021/7/1', span: '发布时间：2021/7/1', fix: '' },
    { text: '时间：2023-05-06 09:12', span: '时间：2023-05-06 09:12', fix: '' },
    { text: '  时间: 2019.06.21', span: '  时间: 2019.06.21', fix: '' },
    { text: '来源：网友投稿', span: '来源：网友投稿', fix: '' },
    { text: '来源：第一范文网', span: '来源：第一范文网', fix: '' },
    { text: '作者：佚名　来源：网友投稿　浏览次数：1532', span: '作者：佚名　来源：网友投稿　浏览次数：1532', fix: '' },
    { text: '发布时间：2023-02-14 | 阅读量：236 | 作者：admin', span: '发布时间：2023-02-14 | 阅读量：236 | 作者：admin', fix: '' },
    { text: '1234人阅读', span: '1234人阅读', fix: '' },
    { text: '文档格式：DOCX  文件大小：26.5KB', span: '文档格式：DOCX  文件大小：26.5KB', fix: '' },
    // Breadcrumbs.
    { text: '首页 > 范文大全 > 工作总结', span: '首页 > 范文大全 > 工作总结', fix: '' },
    { text: '当前位置：首页>工作总结>党建工作总结', span: '当前位置：首页>工作总结>党建工作总结', fix: '' },
    { text: '范文大全 › 工作报告 › 自查报告', span: '范文大全 › 工作报告 › 自查报告', fix: '' },
    // The editor's blurb.
    {
      text: '以下是小编为大家收集的2023年意识形态工作总结范文，仅供参考，欢迎大家阅读。',
      span: '以下是小编为大家收集的2023年意识形态工作总结范文，仅供参考，欢迎大家阅读。',
      fix: '',
    },
    {
      text: '下面是为大家整理的党支部意识形态工作自查报告，希望对您有所帮助！',
      span: '下面是为大家整理的党支部意识形态工作自查报告，希望对您有所帮助！',
      fix: '',
    },
    { text: '【导语】总结是对过去一定时期的工作进行回顾和分析。', span: '【导语】总结是对过去一定时期的工作进行回顾和分析。', fix: '' },
    { text: '欢迎阅读与收藏。', span: '欢迎阅读与收藏。', fix: '' },
    // 篇N headers and count suffixes of a page title.
    { text: '篇一', span: '篇一', fix: '' },
    { text: '篇2：', span: '篇2：', fix: '' },
    { text: '第1篇', span: '第1篇', fix: '' },
    { text: '【篇三】', span: '【篇三】', fix: '' },
    { text: '范文3', span: '范文3', fix: '' },
    { text: '篇一：2023年意识形态工作总结', span: '篇一：', fix: '' },
    { text: '2023年意识形态工作总结（精选5篇）', span: '（精选5篇）', fix: '' },
    { text: '意识形态工作责任制落实情况报告范文(通用6篇)', span: '范文(通用6篇)', fix: '' },
    { text: '2022年党建工作总结精选3篇', span: '精选3篇', fix: '' },
    { text: '意识形态工作自查报告3篇（全文完整）', span: '3篇（全文完整）', fix: '' },
    { text: '2023年意识形态工作总结范文', span: '范文', fix: '' },
    // A document's file name; download and VIP prompts.
    { text: '2023年意识形态工作总结.docx', span: '2023年意识形态工作总结.docx', fix: '' },
    { text: '关于意识形态工作的自查报告.pdf (126KB)', span: '关于意识形态工作的自查报告.pdf (126KB)', fix: '' },
    { text: 'VIP专免', span: 'VIP专免', fix: '' },
    { text: '意识形态工作总结 VIP专免 下载文档', span: 'VIP专免', fix: '' },
    { text: '本文由用户fanwen2023上传', span: '本文由用户fanwen2023上传', fix: '' },
    { text: '复制本文 下载本文', span: '复制本文 下载本文', fix: '' },
    // A bare date or any 来源 value beside other metadata; the site's address.
    { text: '发布时间:2022-07-27 来源:机关党委', span: '发布时间:2022-07-27 来源:机关党委', fix: '' },
    { text: 'www.16system.cn 2023-07-20', span: 'www.16system.cn 2023-07-20', fix: '' },
    // Site suffixes of a title: a part number, a 篇N, a category label.
    { text: '202x年意识形态工作分析研判报告(2)', span: '(2)', fix: '' },
    { text: '街道街道意识形态工作总结篇1', span: '篇1', fix: '' },
    { text: '2023年上半年意识形态工作总结报告篇1今年以来，我镇在县委的正确领导下', span: '篇1', fix: '' },
    { text: '2020 年意识形态工作总结(县市区级局)', span: '(县市区级局)', fix: '' },
    { text: '#### 一、工作开展情况', span: '#### ', fix: '' },
    // Paywalls and disclaimers.
    { text: '预览阅读已结束,若您需要写相关文章,请扫码联系老师写作!', span: '预览阅读已结束,若您需要写相关文章,请扫码联系老师写作!', fix: '' },
    {
      text: '来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。',
      span: '来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。',
      fix: '',
    },
    // A site's long blurb about the genre, ending in its wish.
    {
      text: '总结不仅仅是总结成绩,更重要的是为了研究经验,发现做好工作的规律。写总结的时候需要注意什么呢?以下我给大家整理了一些优质的总结范文,希望对大家能够有所帮助。',
      span: '总结不仅仅是总结成绩,更重要的是为了研究经验,发现做好工作的规律。写总结的时候需要注意什么呢?以下我给大家整理了一些优质的总结范文,希望对大家能够有所帮助。',
      fix: '',
    },
  ],
  [
    { text: '以上意见,仅供参考。' },
    { text: '建立了5大类、11个专题的信息查询系统。' },
    { text: '认真组织学习文件,写出心得体会2篇。' },
    { text: '范文澜同志的著作' },
    // 时间, 来源, 作者, 下载, 会员, 篇 in report sentences and report lines.
    { text: '时间：2023年5月6日' },
    { text: '时间紧、任务重，全体干部加班加点完成任务。' },
    { text: '会议时间：2023年3月12日上午，地点：局三楼会议室。' },
    { text: '报告期：2023年1月1日至2023年6月30日' },
    { text: '来源：市委宣传部' },
    { text: '严格把好稿件来源关，网络信息来源：须经审核后发布。' },
    { text: '信息来源于各科室报送的材料。' },
    { text: '作者均为我局干部职工，共撰写理论文章12篇。' },
    { text: '编辑部工作总结' },
    { text: '组织党员干部下载“学习强国”APP，注册率达100%。' },
    { text: '工会会员免费体检，会员可享受疗休养待遇。' },
    { text: '撰写调研报告3篇' },
    { text: '在市级以上媒体刊发稿件26篇，其中省级5篇。' },
    { text: '第一篇章，我们要…' },
    { text: '编印学习资料200余册，供大家学习参考。' },
    { text: '我们收集整理了典型案例12个，供干部学习借鉴。' },
    { text: '以下是我局上半年意识形态工作开展情况：' },
    { text: '邀请专家为大家带来一堂生动的专题党课。' },
    { text: '附件：意识形态工作责任清单.docx' },
    { text: '点击量、阅读量、转发量均创新高，微信公众号阅读量达12万次。' },
    { text: '申请—审核—发布' },
    { text: '2023年意识形态工作总结' },
    { text: '关于2023年上半年意识形态工作责任制落实情况的报告' },
    { text: '浏览各类网站时注意甄别信息。' },
    // A date or a source standing alone, and report lines that hold the same words.
    { text: '2023-07-20' },
    { text: '来源：机关党委' },
    { text: '我局门户网站www.example.gov.cn开设专栏，发布信息120条。' },
    { text: '（一）组织开展专题学习（2）' },
    { text: '召开专题会议2次，学习篇目12篇。' },
    { text: '全市共有县级以上单位45个（市级）。' },
    { text: '群众扫码关注公众号，参与网上答题。' },
    { text: '希望大家以先进为榜样。' },
  ],
);

it('removes a whole cruft line together with its line break', () => {
  const text = '肯定成绩。\n- 范文问答\n- 答案列表\n今年以来';
  let fixed = text;
  for (const f of findingsOf('web-cruft', text).reverse()) fixed = applyFix(fixed, f);
  expect(fixed).toBe('肯定成绩。\n今年以来');
});

it('removes only the fragment when the line holds report text too', () => {
  const text = '关于2021年学校意识形态工作情况报告[朗读]';
  expect(applyFix(text, findingsOf('web-cruft', text)[0]!)).toBe('关于2021年学校意识形态工作情况报告');
});

it('removes a page head of metadata, breadcrumb and blurb, leaving the title', () => {
  const text = [
    '首页 > 范文大全 > 工作总结',
    '2023年意识形态工作总结（精选5篇）',
    '更新时间：2023-12-06 10:21:33  来源：网友投稿',
    '以下是小编为大家整理的2023年意识形态工作总结，供大家参考。',
    '篇一',
    '2023年意识形态工作总结',
    '今年以来，我局认真落实意识形态工作责任制。',
  ].join('\n');
  let fixed = text;
  for (const f of findingsOf('web-cruft', text).reverse()) fixed = applyFix(fixed, f);
  expect(fixed).toBe('2023年意识形态工作总结\n2023年意识形态工作总结\n今年以来，我局认真落实意识形态工作责任制。');
});

describe('cruftLineEntries', () => {
  it('names the entries that fill a line, in order', () => {
    expect(cruftLineEntries('作者：佚名 来源：网友投稿 浏览次数：12')).toEqual(['meta-author', 'meta-source', 'meta-count']);
  });
  it('leaves a line with report text in it', () => {
    expect(cruftLineEntries('发布时间：2023-05-06 我局召开专题会议')).toBeUndefined();
  });
  it('does not count a switched-off entry', () => {
    expect(cruftLineEntries('来源：网友投稿', new Set(['meta-source']))).toBeUndefined();
  });
});

describe('page heads as 范文 sites print them', () => {
  it.each([
    ['更新时间:2025-12 来源:网友投稿'],
    ['时间:2021-10-22 11:54:22 浏览量:'],
    ['admin 分享 时间: 加入收藏 共计2382个字,预计阅读时长8分钟。'],
    ['公文搜 2021-07-09 11:23:16 组织'],
    ['SUCAI198.COM —— 专注党建行政公文写作范文'],
    ['www.example.com'],
  ])('%s is a whole cruft line', (line) => {
    expect(cruftLineEntries(line)).toBeDefined();
    const found = findingsOf('web-cruft', line);
    expect(found.map((f) => [f.start, f.end])).toEqual([[0, line.length]]);
  });

  it('takes the bracketed character count off a title', () => {
    const text = '意识形态工作情况自评报告(全文共1402字)';
    expect(applyFix(text, findingsOf('web-cruft', text)[0]!)).toBe('意识形态工作情况自评报告');
  });
});

describe('the fragment prefilter', () => {
  it('covers every fragment entry of the pack (a new pattern it cannot read would turn it off)', () => {
    expect(FRAGMENT_PREFILTER).not.toBeNull();
  });

  it.each(cruftPack.entries.filter((e) => !e.line).map((e) => [e.id, e.example] as const))(
    "lets %s's example through",
    (_id, example) => {
      expect(FRAGMENT_PREFILTER!.test(example)).toBe(true);
    },
  );

  it('reads the characters every match must hold', () => {
    const chars = (pattern: string) => [...(requiredLiterals(pattern) ?? [])].sort().join(',');
    // Characters in a row are one literal; a short class in a row gives one literal per character.
    expect(chars('范文问答')).toBe('范文问答');
    expect(chars('[Vv]ip')).toBe('Vip,vip');
    // Optional parts, lookaheads and anchors hold nothing that must be there; a one-class lookbehind is what
    // stands just before the match.
    expect(chars('^[ \\u3000]{0,4}[【\\[]?(?:篇[0-9]|范文)(?=$)')).toBe('篇,范文');
    expect(chars('(?<=[告结])[（(][0-9]{1,2}[)）]')).toBe('告(,告（,结(,结（');
    // A negated class, \s or a match that may be empty: nothing can be promised.
    expect(requiredLiterals('[^。]{1,8}')).toBeNull();
    expect(requiredLiterals('\\s{1,2}')).toBeNull();
    expect(requiredLiterals('(?:共计)?')).toBeNull();
  });
});

describe('fragments found entry by entry', () => {
  // A line whose literals name at most three entries is scanned with those entries alone; it must give what
  // the alternation of every entry gives: the same spans, the same entries, in the same order.
  const examples = cruftPack.entries.filter((e) => !e.line).map((e) => e.example);
  // Report words that hold a literal, and strings two entries match from the same place (下载本文档: download
  // and vip-prompt), where the earlier entry must win.
  const words = ['县市区级局', '各级党组织', '上一级', '篇', '第3页', '（精选5篇）', '级', '页', '字', '-', '工作总结', '报告', '（', '）', '。', ' ', '下载本文档', '下载此文档', '会员下载', '篇2', '【第2篇】'];
  const realLines = readdirSync(new URL('../../fixtures/real/', import.meta.url))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(new URL(`../../fixtures/real/${f}`, import.meta.url), 'utf8').split('\n'));

  it('gives the alternation’s spans on 文库 lines, the pack’s examples and seeded mixtures of them', () => {
    let seed = 5;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const mixed = Array.from({ length: 4000 }, () => {
      let line = '';
      for (let k = 1 + Math.floor(next() * 5); k > 0; k--) {
        const piece = next() < 0.4 ? pick(examples) : pick(words);
        line += next() < 0.2 ? piece.slice(0, Math.ceil(piece.length / 2)) : piece;
      }
      return line;
    });
    let withSpans = 0;
    for (const line of [...realLines, ...examples, ...mixed]) {
      const { combined, selected } = fragmentsBothWays(line);
      expect(selected).toEqual(combined);
      if (combined.length > 0) withSpans++;
    }
    expect(withSpans).toBeGreaterThan(500);
  });
});
