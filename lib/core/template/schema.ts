// Templates are data: validated with valibot whenever they enter the engine (built-in ones at load, user
// ones on import and after derive-from-sample), and versioned, so that storage can migrate saved copies.
import * as v from 'valibot';

export const TEMPLATE_SCHEMA_VERSION = 1;

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id: lower-case letters, digits and -'));

/** A word or phrase matched literally; short, so that a template cannot make the scan slow. */
const Phrase = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40));
const Phrases = (max: number) => v.pipe(v.array(Phrase), v.minLength(1), v.maxLength(max));

/** Kinds of unit a report can be written for, read from its title, first sentence and signature. */
export const UNIT_TYPES = ['branch', 'school', 'community', 'street', 'enterprise', 'organ'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
const Units = v.pipe(v.array(v.picklist(UNIT_TYPES)), v.minLength(1), v.maxLength(UNIT_TYPES.length));

/**
 * Words that name the topic only in company: a word of `words` counts when a word of `with` stands in the same
 * sentence (讲座 is 阵地管理 next to 审批 or 管理, not on its own).
 */
export const PhraseSetSchema = v.object({
  words: Phrases(60),
  with: Phrases(60),
});

export const TopicSchema = v.object({
  id: Id,
  title: NonEmpty,
  /** The topic counts as covered when any of these words appears in the section. */
  keywords: v.pipe(v.array(NonEmpty), v.minLength(1)),
  /** More ways of saying it: words that count only with a companion word in the same sentence. */
  phrases: v.optional(v.pipe(v.array(PhraseSetSchema), v.maxLength(20))),
  /**
   * Longer phrases inside which the topic's own words do not count (专题讲座 is a lesson, not 阵地管理). Matched
   * as the scan's longest literal at a position, so a phrase here hides only this topic's words inside it.
   */
  exclude: v.optional(Phrases(60)),
  /** A count must go with it (召开3次), not a placeholder (召开X次) or a vague 多次. */
  figures: v.optional(v.boolean(), false),
  required: v.optional(v.boolean(), true),
  /** Only reports of these kinds of unit have the topic (read from the report; when unsure, the topic stays). */
  units: v.optional(Units),
  /** Reports of these kinds of unit do not have the topic (a 党支部 has no 理论学习中心组). */
  notFor: v.optional(Units),
});

export const SectionSchema = v.object({
  id: Id,
  title: NonEmpty,
  /** Other titles users give the section, matched as contained words after dropping punctuation. */
  synonyms: v.optional(v.array(NonEmpty), []),
  /** Words that alone identify the section's title (不足 → 存在的问题). Checked after every synonym. */
  titleKeywords: v.optional(v.array(NonEmpty), []),
  level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)), 1),
  required: v.boolean(),
  topics: v.optional(v.array(TopicSchema), []),
  /**
   * The section may be written as several headings of its own (一、领导层面部署落实情况 二、政府网站阵地…) rather
   * than under one title; headings that match no other section before the next section belong to it.
   */
  absorbsUnmatched: v.optional(v.boolean(), false),
  /** Inserted when the section is missing. `{{名称}}` marks what the writer must fill in. */
  scaffold: NonEmpty,
});

export const TemplateSchema = v.object({
  schemaVersion: v.literal(TEMPLATE_SCHEMA_VERSION),
  id: Id,
  /** The template's own revision; bumped whenever its sections change. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: NonEmpty,
  /** Report kinds it fits (意识形态工作责任制落实情况报告, 工作总结 …), for choosing it by a report's title. */
  kinds: v.pipe(v.array(NonEmpty), v.minLength(1)),
  variant: v.optional(v.picklist(['half', 'annual', 'self-check', 'general', 'derived'])),
  sections: v.pipe(v.array(SectionSchema), v.minLength(1)),
});

export type Topic = v.InferOutput<typeof TopicSchema>;
export type PhraseSet = v.InferOutput<typeof PhraseSetSchema>;
export type Section = v.InferOutput<typeof SectionSchema>;
export type Template = v.InferOutput<typeof TemplateSchema>;
export type TemplateInput = v.InferInput<typeof TemplateSchema>;

export type TemplateParseResult =
  | { ok: true; template: Template }
  | { ok: false; issues: Array<{ path: string; message: string }> };

/** Validates untrusted template data (an import, a derived draft); ids must be unique within the template. */
export function parseTemplate(data: unknown): TemplateParseResult {
  const result = v.safeParse(TemplateSchema, data);
  if (!result.success) {
    return {
      ok: false,
      issues: result.issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => String(p.key)).join('.'),
        message: issue.message,
      })),
    };
  }
  const template = result.output;
  const ids = new Set<string>();
  for (const section of template.sections) {
    if (ids.has(section.id)) return { ok: false, issues: [{ path: 'sections', message: `duplicate section id ${section.id}` }] };
    ids.add(section.id);
  }
  return { ok: true, template };
}
