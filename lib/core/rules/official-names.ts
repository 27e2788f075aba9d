// official-names — 规范表述: wrong names of meetings, books and documents, and homophones common in this genre
// (十九五中全会 → 十九届五中全会; 《习近平总书记谈治国理政》 → 《习近平谈治国理政》; 遵崇党章 → 尊崇党章).
// Why: a misnamed plenum or book in a report to the Party committee is read as carelessness about politics;
// spell checkers do not know these names. Data: lib/core/packs/official-names.json (each entry with reason and
// source). Severity: warning (info for variant spellings such as 报导) — the entries are near-certain but a
// quotation of the wrong form (e.g. in a correction notice) must stay possible to submit.
// Known false positive: "做出" before 贡献/安排 in a direct quotation of a text that itself used 做出.
import { hitsToFindings } from './dictionary';
import type { ParagraphRule } from './types';

export const officialNames: ParagraphRule = {
  id: 'official-names',
  category: 'wording',
  scope: 'paragraph',
  check: (text, context) =>
    hitsToFindings(context.officialNames.match(text), 'official-names', 'wording', 'warning', 'rules.wording.message'),
};
