// A prefilter for a set of RegExp patterns: the literals one of which every match must hold, worked out from
// the patterns' source at load time (范文问答, [朗读], 篇, 页 … for web-cruft's fragments; 十九大, 周年 … for the
// events stale-references dates). A line is first read once from tables — the one-character literals, and the
// first two characters of the longer ones, hashed — and only a line that passes is searched for the literals
// by one RegExp of plain alternatives. Most lines of a report, and nearly all of a roster or log, stop at the
// tables, which cost a load per character (a RegExp of CJK characters is a range search per position).
// A pattern this reading does not cover (a negated class, \s, a wide range, nothing required) turns the filter
// off (null): the answer of the patterns never changes, only how fast it comes.
type Required = { chars: Set<string>; nullable: boolean } | { chars: null; nullable: boolean };
/** Characters that are on most lines: a required set with one of them is a poor filter. */
const COMMON = new Set([...' \u3000\t0123456789，。、：:；;,.（）()-—']);
/** Words of report text that the patterns hold (网络安全, 成为…): a poor filter too. */
const FREQUENT_WORDS = new Set(['网络', '成为', '升级', '下载', '学习', '会员']);
/** Frequent characters of report text: of a literal's characters, a rarer one is the better filter. */
const FREQUENT = new Set([
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图统接知较将组见计别手期根论运农指几区强放决被干做必战先回则任取据处给即保治北造规热领海口东导器压志世金增争济阶思术极交受联认共权收证改清己再采转更单风切打教速带安场身车例真务具万每目至达走积示议声报完类离华名确才科张信节话整空元况今集温传许步群广石记需段研界拉律且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型眼按格养易置派层片始却专状育照参细引听该价严飞',
]);

/**
 * The literals one of which every match of `pattern` holds, or null when that cannot be read off its source.
 */
export function requiredLiterals(pattern: string): Set<string> | null {
  let i = 0;
  const codeAt = (hex: string) => String.fromCharCode(parseInt(hex, 16));
  // A set of literals is a better filter the fewer and the longer they are: a single character costs by how
  // often it is seen in reports, two or more together cost one.
  const score = (set: Set<string>) =>
    [...set].reduce((sum, c) => sum + 1 + (c.length > 1 ? (FREQUENT_WORDS.has(c) ? 10 : 0) : COMMON.has(c) ? 100 : FREQUENT.has(c) ? 10 : 0), 0);
  function escape(inClass: boolean): string | null {
    const c = pattern[i + 1]!;
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) {
      i += 6;
      return codeAt(pattern.slice(i - 4, i));
    }
    i += 2;
    if (/[A-Za-z0-9]/.test(c)) return inClass || c !== 'b' ? null : '';
    return c;
  }
  function charClass(): Set<string> | null {
    i++;
    const set = new Set<string>();
    let ok = pattern[i] !== '^';
    if (!ok) i++;
    while (i < pattern.length && pattern[i] !== ']') {
      let c: string | null;
      if (pattern[i] === '\\') c = escape(true);
      else c = pattern[i++]!;
      if (c === null) ok = false;
      if (c !== null && pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
        i++;
        const to = pattern[i] === '\\' ? escape(true) : pattern[i++]!;
        if (to === null || to.charCodeAt(0) - c.charCodeAt(0) > 128) ok = false;
        else for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) set.add(String.fromCharCode(k));
      } else if (c !== null) set.add(c);
    }
    i++;
    return ok ? set : null;
  }
  function quantified(atom: Required): Required {
    const q = pattern[i];
    if (q === '?' || q === '*') {
      i++;
      atom = { ...atom, nullable: true };
    } else if (q === '+') i++;
    else if (q === '{') {
      const m = /^\{([0-9]+)(?:,[0-9]*)?\}/.exec(pattern.slice(i));
      if (m) {
        i += m[0].length;
        if (m[1] === '0') atom = { ...atom, nullable: true };
      }
    }
    if (pattern[i] === '?') i++; // lazy
    return atom;
  }
  function alternation(): Required {
    let union: Set<string> | null = new Set();
    let nullable = false;
    for (;;) {
      const alt = sequence();
      nullable ||= alt.nullable;
      if (alt.chars === null || union === null) union = null;
      else for (const c of alt.chars) union.add(c);
      if (pattern[i] !== '|') break;
      i++;
    }
    return union ? { chars: union, nullable } : { chars: null, nullable };
  }
  function sequence(): Required {
    let best: Set<string> | null = null;
    let nullable = true;
    // Characters matched one after another with nothing between them (范文问答) are required together: the run
    // is a rarer literal than any of its characters. A short class in a run ([告结]（) makes one literal per
    // character; so does a lookbehind of one short class just before the match.
    let run: string[] = [];
    const consider = (set: Set<string>) => {
      if (!best || score(set) < score(best)) best = set;
    };
    const flush = () => {
      if (run.length > 0 && run[0] !== '') consider(new Set(run));
      run = [];
    };
    const extend = (chars: Set<string>) => {
      const base = run.length === 0 ? [''] : run;
      if (base.length * chars.size > 64) {
        flush();
        run = [...chars];
      } else run = base.flatMap((r) => [...chars].map((c) => r + c));
    };
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom: Required;
      const c = pattern[i]!;
      if (c === '(') {
        const behind = /^\(\?<=(\[[^\]^\\-]{1,8}\])\)/.exec(pattern.slice(i));
        if (behind) {
          i += behind[0].length;
          flush();
          extend(new Set([...behind[1]!.slice(1, -1)]));
          continue;
        }
        const look = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(i));
        const plain = /^\((?:\?:|\?<[A-Za-z0-9_]+>)?/.exec(pattern.slice(i))!;
        i += look ? look[0].length : plain[0].length;
        const inner = alternation();
        i++; // ')'
        atom = look ? { chars: null, nullable: true } : inner;
        if (look) {
          quantified(atom);
          flush();
          continue;
        }
      } else if (c === '[') {
        const set = charClass();
        atom = set ? { chars: set, nullable: false } : { chars: null, nullable: false };
      } else if (c === '^' || c === '$') {
        i++;
        flush();
        continue;
      } else if (c === '.') {
        i++;
        atom = { chars: null, nullable: false };
      } else if (c === '\\') {
        const e = escape(false);
        if (e === '') {
          flush();
          continue;
        }
        atom = e === null ? { chars: null, nullable: false } : { chars: new Set([e]), nullable: false };
      } else {
        i++;
        atom = { chars: new Set([c]), nullable: false };
      }
      const at = i;
      atom = quantified(atom);
      if (atom.chars && i === at && c !== '(' && atom.chars.size <= 8 && [...atom.chars].every((x) => x.length === 1)) {
        extend(atom.chars);
        nullable = false;
        continue;
      }
      flush();
      if (atom.nullable) continue;
      nullable = false;
      if (atom.chars) consider(atom.chars);
    }
    flush();
    return best ? { chars: best, nullable } : { chars: null, nullable };
  }
  const found = alternation();
  return i === pattern.length && !found.nullable ? found.chars : null;
}

function unicodeEscape(text: string): string {
  return [...text].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

const pairHash = (a: number, b: number) => (Math.imul(a, 31) ^ b) & 0xffff;

export interface LiteralFilter {
  /** The literals (for tests). */
  literals: readonly string[];
  /** The plain alternation of the literals. */
  pattern: RegExp;
  /** False only when no match of any of the patterns can be on the line. */
  mayMatch(line: string): boolean;
}

/**
 * Whether a line may hold one of `literals` (false: it holds none), read from tables: the one-character
 * literals, and the first two characters of the longer ones, hashed (a chance collision only says "may").
 */
export function literalTables(literals: readonly string[]): (line: string) => boolean {
  const single = new Uint8Array(0x10000);
  const pairFirst = new Uint8Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  for (const text of literals) {
    const a = text.charCodeAt(0);
    if (text.length === 1) single[a] = 1;
    else {
      pairFirst[a] = 1;
      pairs[pairHash(a, text.charCodeAt(1))] = 1;
    }
  }
  return (line) => {
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (single[code] !== 0) return true;
      if (pairFirst[code] !== 0 && i + 1 < line.length && pairs[pairHash(code, line.charCodeAt(i + 1))] !== 0) return true;
    }
    return false;
  };
}

/** The filter for `patterns` (RegExp sources), or null when some pattern's literals cannot be worked out. */
export function createLiteralFilter(patterns: readonly string[]): LiteralFilter | null {
  const all = new Set<string>();
  for (const source of patterns) {
    const literals = requiredLiterals(source);
    if (!literals) return null;
    for (const literal of literals) all.add(literal);
  }
  const literals = [...all];
  const pattern = new RegExp(literals.map(unicodeEscape).join('|'));
  const mayHoldLiteral = literalTables(literals);
  return { literals, pattern, mayMatch: (line) => mayHoldLiteral(line) && pattern.test(line) };
}

/**
 * Which of `patterns` (RegExp sources) a line may match, as a bit mask: bit k is set when the line holds one of
 * pattern k's required literals (patterns past the 30th share bit 30). Null when some pattern's literals cannot
 * be worked out. One pass over the line with table loads; a literal longer than one character is confirmed
 * where its first two characters stand, so a set bit means the literal is there.
 */
export function literalMasks(patterns: readonly string[]): ((line: string) => number) | null {
  const bits: [string, number][] = [];
  for (let k = 0; k < patterns.length; k++) {
    const literals = requiredLiterals(patterns[k]!);
    if (!literals) return null;
    for (const text of literals) bits.push([text, 1 << Math.min(k, 30)]);
  }
  return maskScanner(bits);
}

/**
 * Which of `literals` a line holds, as a bit mask: bit k for literals[k] (literals past the 30th share bit 30,
 * which then says only that one of them is there). One pass, as literalMasks.
 */
export function literalPresence(literals: readonly string[]): (line: string) => number {
  return maskScanner(literals.map((text, k) => [text, 1 << Math.min(k, 30)]));
}

/** The mask of a line: the or of the bits of the (non-empty) literals it holds. */
function maskScanner(literals: readonly (readonly [string, number])[]): (line: string) => number {
  const single = new Int32Array(0x10000);
  const pairFirst = new Uint8Array(0x10000);
  // Per pair hash, the longer literals starting with that pair, and their bits.
  const longer = new Map<number, { text: string; bits: number }[]>();
  for (const [text, bit] of literals) {
    const a = text.charCodeAt(0);
    if (text.length === 1) single[a]! |= bit;
    else {
      pairFirst[a] = 1;
      const h = pairHash(a, text.charCodeAt(1));
      const list = longer.get(h) ?? [];
      const same = list.find((l) => l.text === text);
      if (same) same.bits |= bit;
      else list.push({ text, bits: bit });
      longer.set(h, list);
    }
  }
  const lists: ({ text: string; bits: number }[] | undefined)[] = new Array(0x10000);
  for (const [h, list] of longer) lists[h] = list;
  return (line) => {
    let mask = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      mask |= single[code]!;
      if (pairFirst[code] !== 0 && i + 1 < line.length) {
        const list = lists[pairHash(code, line.charCodeAt(i + 1))];
        if (list !== undefined) {
          for (let n = 0; n < list.length; n++) if (line.startsWith(list[n]!.text, i)) mask |= list[n]!.bits;
        }
      }
    }
    return mask;
  };
}
