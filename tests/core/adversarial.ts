// Adversarial text families for the engine (issue 9, item 6): shapes of ordinary reports that made an
// earlier engine quadratic — many short lines that look alike, rosters, meeting logs, headings by the
// thousand — and hostile ones (one 1 MB line, nothing but placeholders, brackets that never close).
// Deterministic: each family is built from a seeded generator, so a size always gives the same text.
// Shared by the unit tests (tests/core/engine/adversarial.test.ts) and the benchmark (tests/bench/adversarial.ts).

/** A small linear congruential generator: the same seed gives the same text on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

type Pick = <T>(items: readonly T[]) => T;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国志坚海燕波宁亮凤霞辉林斌宇浩凯俊峰婷雪梅琳晨阳琴云飞鑫瑶欣怡子涵博文思远嘉乐佳颖晓东春梅德胜永清振兴立新卫东红梅学军';
const TITLES = ['党支部书记', '党支部副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '党小组长', '党员', '预备党员', '入党积极分子', '办公室主任', '科长', '副科长', '科员', '网格员', '村委会主任', '妇联主席', '团支部书记'];
const UNITS = ['县委宣传部', '县网信办', '镇党委', '社区党总支', '县商务局', '县教育局', '第一党支部', '第二党支部', '机关党委', '县融媒体中心'];
const TOPICS = ['研究意识形态工作', '传达学习上级会议精神', '部署党史学习教育', '专题研究网络安全工作', '研究宣传思想文化工作', '分析研判意识形态领域形势', '学习贯彻习近平新时代中国特色社会主义思想', '研究基层党建工作', '部署安全生产工作', '研究乡村振兴重点任务', '听取巡察整改情况汇报', '研究精神文明建设工作'];
const MEETINGS = ['党组会议', '党委会议', '中心组理论学习', '支部委员会', '党员大会', '专题会议', '办公会议', '意识形态工作联席会议'];
const PLACES = ['县委常委会议室', '机关三楼会议室', '社区党群服务中心', '镇政府二楼会议室', '新时代文明实践站', '局机关会议室'];
const HEAD_TITLES = ['工作开展情况', '主要做法和成效', '存在的问题和不足', '下一步工作打算', '加强组织领导', '压实主体责任', '强化阵地管理', '抓好理论学习', '做好舆情处置', '推进宣传教育'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const SURNAME_LIST = [...SURNAMES];
const GIVEN_LIST = [...GIVEN];
const name = (r: () => number, pick: Pick) => pick(SURNAME_LIST) + pick(GIVEN_LIST) + (r() < 0.6 ? pick(GIVEN_LIST) : '');
const phone = (r: () => number) => `1${3 + Math.floor(r() * 6)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
const date = (r: () => number) => `2026年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`;

/** Lines from `line(i)` joined by line breaks until the text reaches `size` characters (cut to exactly `size`). */
function lines(size: number, line: (i: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const l = line(i);
    out.push(l);
    length += l.length + 1;
  }
  return out.join('\n').slice(0, size);
}

function pickFrom(r: () => number): Pick {
  return (items) => items[Math.floor(r() * items.length)]!;
}

export interface Family {
  id: string;
  /** What the family stands for, for the benchmark's table. */
  label: string;
  /** Whether a duplicate finding on it is wrong: lines that differ in names, figures or dates are not copies. */
  noDuplicates: boolean;
  make(size: number, seed?: number): string;
}

export const families: readonly Family[] = [
  {
    id: 'similar-lines',
    label: 'similar short lines (date, meeting, topic)',
    noDuplicates: true,
    make(size, seed = 1) {
      const r = random(seed);
      const pick = pickFrom(r);
      // Dates move forward (one to three days a line), so no two lines are the same, as in a real log.
      const day = new Date(Date.UTC(2000, 0, 1));
      return lines(size, () => {
        day.setUTCDate(day.getUTCDate() + 1 + Math.floor(r() * 3));
        return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 召开${pick(MEETINGS)} ${pick(TOPICS)}`;
      });
    },
  },
  {
    id: 'roster',
    label: 'roster (name, post, phone)',
    noDuplicates: true,
    make(size, seed = 2) {
      const r = random(seed);
      const pick = pickFrom(r);
      return lines(size, () => `${name(r, pick)}  ${pick(UNITS)}${pick(TITLES)}  ${phone(r)}`);
    },
  },
  {
    id: 'meeting-log',
    label: 'meeting log (no., date, place, people)',
    noDuplicates: true,
    make(size, seed = 3) {
      const r = random(seed);
      const pick = pickFrom(r);
      return lines(
        size,
        (i) =>
          `第${i + 1}次${pick(MEETINGS)}：${date(r)}上午9时在${pick(PLACES)}召开，主持人${name(r, pick)}，参加人员${name(r, pick)}、${name(r, pick)}、${name(r, pick)}等${5 + Math.floor(r() * 20)}人，会议${pick(TOPICS)}。`,
      );
    },
  },
  {
    id: 'headings',
    label: 'headings 一、（一）1.（1） over and over',
    noDuplicates: false,
    make(size, seed = 4) {
      const r = random(seed);
      const pick = pickFrom(r);
      return lines(size, (i) => {
        const level = i % 4;
        const n = Math.floor(i / 4) % 10;
        if (level === 0) return `${CN[n]}、${pick(HEAD_TITLES)}`;
        if (level === 1) return `（${CN[n]}）${pick(HEAD_TITLES)}`;
        if (level === 2) return `${n + 1}.${pick(HEAD_TITLES)}`;
        return `（${n + 1}）${pick(HEAD_TITLES)}。`;
      });
    },
  },
  {
    id: 'same-heading',
    label: 'one heading repeated (一、工作开展情况)',
    noDuplicates: false,
    make(size) {
      return lines(size, () => '一、工作开展情况');
    },
  },
  {
    id: 'one-line',
    label: 'one line, no line break',
    noDuplicates: false,
    make(size, seed = 5) {
      const r = random(seed);
      const pick = pickFrom(r);
      let out = '';
      while (out.length < size) out += `${date(r)}${pick(UNITS)}召开${pick(MEETINGS)}，${pick(TOPICS)}，${name(r, pick)}同志讲话。`;
      return out.slice(0, size);
    },
  },
  {
    id: 'placeholders',
    label: 'all placeholders (xx, ____, ××)',
    noDuplicates: false,
    make(size, seed = 6) {
      const r = random(seed);
      const pick = pickFrom(r);
      const bits = ['xx', 'xxx', 'XX', '____', '××', '×××', '某某', '（ ）', '【】', '***', 'x年x月x日', 'xx同志', '____年____月'];
      return lines(size, () => {
        let l = '';
        for (let k = 2 + Math.floor(r() * 10); k > 0; k--) l += pick(bits) + (r() < 0.3 ? '，' : '');
        return l;
      });
    },
  },
  {
    id: 'brackets',
    label: 'unbalanced brackets （（（ ((( 《《',
    noDuplicates: false,
    make(size, seed = 7) {
      const r = random(seed);
      const pick = pickFrom(r);
      const opens = ['（', '(', '《', '“', '【', '['];
      return lines(size, (i) => {
        if (i % 10 === 9) return pick(opens).repeat(2000);
        let l = '';
        for (let k = 3 + Math.floor(r() * 8); k > 0; k--) l += pick(opens).repeat(1 + Math.floor(r() * 6)) + pick(TOPICS);
        return l;
      });
    },
  },
];

/**
 * `corpus` repeated to `size` characters, each repeat round prefixing its lines (第1轮…), so that no paragraph
 * occurs twice and no per-paragraph cache makes the repeats free: the benchmarks' long original text.
 */
export function distinctCorpusText(corpus: string, size: number): string {
  const source = corpus.split('\n');
  return lines(size, (i) => {
    const round = Math.floor(i / source.length);
    return (round ? `第${round}轮` : '') + source[i % source.length]!;
  });
}

export const family = (id: string): Family => {
  const f = families.find((x) => x.id === id);
  if (!f) throw new Error(`unknown family ${id}`);
  return f;
};
