// Versioned data packs behind the check rules. The data lives in JSON beside this file so that it can be read,
// reviewed and extended without touching rule code; every pack is validated with valibot when first used, and
// every pattern in it must be bounded (no *, + or {n,}), so no pack entry can make a rule backtrack without bound.
import * as v from 'valibot';
import { isBoundedPattern } from '../rules/text';
import officialNamesJson from './official-names.json';
import spinPairsJson from './spin-pairs.json';
import placeholdersJson from './placeholders.json';
import cruftJson from './cruft.json';
import eventsJson from './events.json';
import setPhrasesJson from './set-phrases.json';

const compiles = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

/** A RegExp source that compiles and has no unbounded quantifier. */
const boundedPattern = (maxLength: number) =>
  v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(maxLength),
    v.check(compiles, 'pattern does not compile'),
    v.check(isBoundedPattern, 'pattern has an unbounded quantifier'),
  );
const BoundedPattern = boundedPattern(400);

const EntryId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'entry id: lowercase letters, digits, -'));
const SeveritySchema = v.picklist(['blocking', 'warning', 'info']);

/**
 * A wrong → right entry. `trigger` is matched in the text; `right` replaces the matched trigger and may use
 * $1… for the trigger's groups. `before`/`notBefore` are tested against the text just before the trigger,
 * `after`/`notAfter` against the text just after it: these contexts are what make the trigger wrong.
 */
export const DictionaryEntrySchema = v.object({
  id: EntryId,
  trigger: BoundedPattern,
  right: v.pipe(v.string(), v.maxLength(100)),
  reason: v.pipe(v.string(), v.minLength(1)),
  source: v.optional(v.string()),
  severity: v.optional(SeveritySchema),
  before: v.optional(BoundedPattern),
  notBefore: v.optional(BoundedPattern),
  after: v.optional(BoundedPattern),
  notAfter: v.optional(BoundedPattern),
  /**
   * Where the trigger may stand relative to 《》 document titles: 'outside' (never inside a quoted title: fixing
   * it there would misquote the document), or 'any'. Absent: the pack's `quotes`, else 'any'.
   */
  quotes: v.optional(v.picklist(['outside', 'any'])),
  /**
   * A literal that, standing anywhere earlier in the same paragraph, makes the trigger right: 总书记 after an
   * earlier 习近平总书记 is the usual second mention, not a stripped name. Looked up once per paragraph.
   */
  notEarlier: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(20))),
});
export type DictionaryEntry = v.InferOutput<typeof DictionaryEntrySchema>;

const PackHeader = { id: v.string(), version: v.pipe(v.number(), v.integer(), v.minValue(1)) };

export const DictionaryPackSchema = v.object({
  ...PackHeader,
  /** The default of the entries' `quotes` (see DictionaryEntrySchema). */
  quotes: v.optional(v.picklist(['outside', 'any'])),
  entries: v.array(DictionaryEntrySchema),
});
export type DictionaryPack = v.InferOutput<typeof DictionaryPackSchema>;

/**
 * A pattern entry. By default it is a fragment searched anywhere in a paragraph. With `line: true` it only
 * counts where it fills the whole trimmed line, alone or in a row with other line entries (发布时间：… 来源：…
 * 浏览次数：…), so that the same words inside a sentence of a report are never matched. Line patterns may be
 * longer (several alternatives of one metadata label), still bounded.
 */
export const PatternEntrySchema = v.object({
  id: EntryId,
  pattern: boundedPattern(1200),
  kind: v.optional(v.string()),
  line: v.optional(v.boolean()),
  /** A line entry that fills a line only beside another entry (a bare 2023-07-20 after a site's address). */
  notAlone: v.optional(v.boolean()),
  /**
   * A pattern every line the entry fills contains. A line without it never tries the entry: one native scan
   * instead of the entry's leading bounded wildcard (a blurb's 小编 may stand anywhere in its sentence).
   */
  hint: v.optional(BoundedPattern),
  example: v.string(),
  source: v.optional(v.string()),
});
export type PatternEntry = v.InferOutput<typeof PatternEntrySchema>;

export const PatternPackSchema = v.object({ ...PackHeader, entries: v.array(PatternEntrySchema) });
export type PatternPack = v.InferOutput<typeof PatternPackSchema>;

const YearMonth = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/));
export const EventsPackSchema = v.object({
  ...PackHeader,
  anniversaries: v.array(
    v.object({ id: EntryId, trigger: BoundedPattern, year: v.pipe(v.number(), v.integer()), source: v.string() }),
  ),
  /** Congresses and plenums; `kind` tells which later meetings make a "the latest" claim about it wrong. */
  meetings: v.array(
    v.object({
      id: EntryId,
      trigger: BoundedPattern,
      date: YearMonth,
      kind: v.optional(v.picklist(['congress', 'plenum'])),
      source: v.string(),
    }),
  ),
  /** A formulation that stopped being the current guidance from `supersededFrom`, unless `unless` stands in it. */
  guidance: v.array(
    v.object({
      id: EntryId,
      trigger: BoundedPattern,
      supersededFrom: v.pipe(v.number(), v.integer()),
      by: v.string(),
      name: v.optional(v.string()),
      unless: v.optional(BoundedPattern),
      source: v.string(),
    }),
  ),
  /**
   * Centrally run campaigns (集中教育) with the months they ran (`active`, one or more spans). `future: true`
   * also flags the name in a period before the first span (only for names nobody used before the campaign).
   */
  campaigns: v.array(
    v.object({
      id: EntryId,
      name: v.string(),
      trigger: BoundedPattern,
      active: v.pipe(v.array(v.object({ from: YearMonth, to: YearMonth })), v.minLength(1)),
      future: v.optional(v.boolean()),
      /** Until when keeping it up (常态化, 制度化, 长效化) is still this period's work; always when absent. */
      routineTo: v.optional(YearMonth),
      source: v.string(),
    }),
  ),
});
export type EventsPack = v.InferOutput<typeof EventsPackSchema>;

function load<S extends v.GenericSchema>(schema: S, data: unknown, name: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`pack ${name} is invalid: ${issue?.message ?? 'unknown'} at ${v.getDotPath(issue!) ?? '?'}`);
  }
  const ids = new Set<string>();
  const entries = (result.output as { entries?: { id: string }[] }).entries ?? [];
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`pack ${name}: duplicate entry id ${entry.id}`);
    ids.add(entry.id);
  }
  return result.output;
}

/** A pack's entries with the pack's default `quotes` written into each entry that does not set its own. */
function withQuotes(pack: DictionaryPack): DictionaryPack {
  if (!pack.quotes) return pack;
  return { ...pack, entries: pack.entries.map((e) => (e.quotes ? e : { ...e, quotes: pack.quotes })) };
}

export const officialNamesPack: DictionaryPack = withQuotes(load(DictionaryPackSchema, officialNamesJson, 'official-names'));
export const spinPairsPack: DictionaryPack = withQuotes(load(DictionaryPackSchema, spinPairsJson, 'spin-pairs'));
export const placeholdersPack: PatternPack = load(PatternPackSchema, placeholdersJson, 'placeholders');
export const cruftPack: PatternPack = load(PatternPackSchema, cruftJson, 'cruft');
export const eventsPack: EventsPack = load(EventsPackSchema, eventsJson, 'events');

/** Fixed phrases of 公文 language for set-phrase-typos: 4–9 Han characters each, and the real phrases near them. */
const SetPhrase = v.pipe(v.string(), v.regex(/^[\u3400-\u9fff]{4,9}$/, 'a set phrase is 4–9 Han characters'));
export const SetPhrasesPackSchema = v.object({
  ...PackHeader,
  note: v.optional(v.string()),
  source: v.string(),
  /** Bound as a whole: a substituted character anywhere in them is a typo. */
  idioms: v.array(SetPhrase),
  /** Built of words: only a substitution strictly inside them counts (the ends may belong to a neighbouring word). */
  phrases: v.array(SetPhrase),
  /** Real phrases one character away from an entry, never reported. */
  variants: v.array(SetPhrase),
  /** Fixed phrases too loose for the one-character check, still broken by a stray mark inside (stray-dot). */
  joined: v.array(SetPhrase),
});
export type SetPhrasesPack = v.InferOutput<typeof SetPhrasesPackSchema>;
export const setPhrasesPack: SetPhrasesPack = load(SetPhrasesPackSchema, setPhrasesJson, 'set-phrases');

/** Pack ids and versions, for the options page and for backups that record which data a finding came from. */
export const packVersions: Record<string, number> = Object.fromEntries(
  [officialNamesPack, spinPairsPack, placeholdersPack, cruftPack, eventsPack, setPhrasesPack].map((p) => [p.id, p.version]),
);
