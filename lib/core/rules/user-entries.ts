// user-entries — the user's own wrong → right pairs, added in the options page (e.g. the unit's full name).
// Why: every office has names the packs cannot know. Entries are validated in settings.ts (non-empty, no line
// break, wrong ≠ right). Severity: warning, as for the shipped 规范表述.
// Known false positive: a short "wrong" that occurs inside a longer correct word; the options page warns about
// entries shorter than two characters.
import { hitsToFindings } from './dictionary';
import type { ParagraphRule } from './types';

export const userEntries: ParagraphRule = {
  id: 'user-entries',
  category: 'wording',
  scope: 'paragraph',
  check: (text, context) =>
    hitsToFindings(context.userEntries.match(text), 'user-entries', 'wording', 'warning', 'rules.user.message'),
};
