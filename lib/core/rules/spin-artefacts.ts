// spin-artefacts — 伪原创 synonym-spin artefacts: 进取参与 (积极参与), 异常是 (特别是), 精神礼貌建设 (精神文明建设),
// 本事和水平 (能力和水平), 构成合力 (形成), 经过加强 (通过), 供给了保障 (提供), 必须成绩 (一定成绩) and more.
// Why: spin tools replace words with "synonyms" that are wrong in context; a report carrying them reads as
// machine-garbled copy. Each pair in lib/core/packs/spin-pairs.json carries the context that makes it wrong,
// so correct uses (进取心, 构成要件, 经过三年, 异常情况) stay silent.
// Severity: warning — the context tables are narrow, but a few senses overlap (经过系统学习 can be temporal).
// Known false positive: 经过系统学习 meaning "after systematic study".
import { hitsToFindings } from './dictionary';
import type { ParagraphRule } from './types';

export const spinArtefacts: ParagraphRule = {
  id: 'spin-artefacts',
  category: 'spin',
  scope: 'paragraph',
  check: (text, context) =>
    hitsToFindings(context.spinPairs.match(text), 'spin-artefacts', 'spin', 'warning', 'rules.spin.message'),
};
