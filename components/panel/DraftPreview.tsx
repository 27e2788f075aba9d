// 一键成稿 in the panel: the draft lib/core/draft.ts builds from the page's template, the snippet library and the
// variables the form and the site know, shown section by section first. 换一段 cycles a paragraph through its
// candidates; 插入 writes it into the form by the mapping — a field mapped to a section gets that section's text
// without its heading, the rest (opening and unmapped sections, or the whole draft) goes into the main report
// field — through the path 拆分到各栏 takes (bridge.applyFix with wholeField, each field checked against what was
// read, one 撤销 for all); 取消 closes it.
import { useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { buildDraft, draftMissing, sectionBody, slotText, swapCandidate, type Draft, type DraftSlot, type DraftSnippet } from '@/lib/core/draft';
import { markerText } from '@/lib/core/outline/markers';
import { getTemplate } from '@/lib/core/template';
import type { Finding } from '@/lib/core/types';
import type { PageBridge } from '@/lib/panel/bridge';
import { failureDetails, firstMoved } from '@/lib/panel/field-writes';
import { formValues } from '@/lib/panel/form-values';
import { ChangeLog, type PanelChange } from '@/lib/panel/undo';
import { listSnippets } from '@/lib/storage';
import type { PageAnalysis } from './usePageAnalysis';
import { useRememberedValues } from './useRememberedValues';

export interface DraftTarget {
  key: string;
  label: string;
  /** The field's text when the plan was made, and what it holds after. */
  current: string;
  text: string;
}

/**
 * Where the draft goes: each report field mapped to a section of the draft gets that section's body; the opening
 * and every section no field takes go, with their headings, into the main field (the first report field mapped to
 * no section, else the first report field) — except on a form with a field for every section, where the opening
 * leads the first section's field. A field that already holds text keeps it, the draft after it.
 */
export function planDraftInsertion(draft: Draft, analysis: Pick<PageAnalysis, 'reportFields' | 'fields'>): DraftTarget[] {
  const fields = analysis.reportFields;
  if (fields.length === 0) return [];
  const label = (key: string) => analysis.fields.find((field) => field.key === key)?.label ?? fields.find((f) => f.key === key)?.label ?? key;
  // The main field: one mapped to no section, else (every field holds a section) the first one.
  const unmapped = fields.find((field) => field.sectionId === undefined);
  const main = unmapped ?? fields[0]!;
  const texts = new Map<string, string[]>();
  const add = (key: string, text: string) => {
    if (text !== '') texts.set(key, [...(texts.get(key) ?? []), text]);
  };
  const own = (sectionId: string) => fields.find((field) => field.sectionId === sectionId);
  // A split form with a field for every section: the opening leads the first section's field (not a 备注 box).
  const allOwn = draft.sections.every((section) => own(section.sectionId));
  const first = draft.sections[0];
  if (draft.opening) add(allOwn && first ? own(first.sectionId)!.key : main.key, slotText(draft.opening));
  let inMain = 0;
  for (const section of draft.sections) {
    const field = own(section.sectionId);
    if (field) add(field.key, sectionBody(section));
    // Numbered in the main field's own run (一、 三、 with 二、 in a field of its own reads as a gap).
    else add(main.key, `${markerText('h1', (inMain += 1))}${section.title}\n${sectionBody(section)}`);
  }
  return fields
    .filter((field) => texts.has(field.key))
    .map((field) => {
      const body = texts.get(field.key)!.join('\n');
      const current = field.text;
      return { key: field.key, label: label(field.key), current, text: current.trim() === '' ? body : `${current.replace(/\s+$/, '')}\n${body}` };
    });
}

export type DraftOutcome =
  | { ok: true; filled: string[]; change?: PanelChange }
  | { ok: false; reason: 'gone' | 'changed'; field: string }
  | { ok: false; reason: 'write'; field: string; messageId?: string; params?: Record<string, string | number>; change?: PanelChange };

const edit = (fieldKey: string, end: number, text: string): Finding => ({
  ruleId: 'panel-draft',
  category: 'coverage',
  severity: 'info',
  start: 0,
  end,
  messageId: 'draft.title',
  fieldKey,
  fix: { start: 0, end, text },
});

/** Writes the plan; nothing when a field left the page or changed since it was read. */
export async function applyDraft(bridge: PageBridge, targets: readonly DraftTarget[]): Promise<DraftOutcome> {
  const moved = await firstMoved(bridge, targets.map((target) => ({ key: target.key, label: target.label, text: target.current })));
  if (moved) return moved;
  const log = new ChangeLog('draft');
  const filled: string[] = [];
  for (const target of targets) {
    const outcome = await bridge.applyFix(edit(target.key, target.current.length, target.text), {
      expectedText: target.current,
      wholeField: true,
      caret: 0,
    });
    log.note(target.key, target.label, outcome);
    if (!outcome.ok) return { ok: false, reason: 'write', field: target.label, ...failureDetails(outcome, log.change()) };
    filled.push(target.label);
  }
  const change = log.change();
  return { ok: true, filled, ...(change ? { change } : {}) };
}

export interface DraftPreviewProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  /** The snippet library; the stored one (with the starter snippets on first run) by default. */
  snippets?: readonly DraftSnippet[];
  record?: (change: PanelChange) => void;
  /** 取消, and after a successful 插入. */
  onClose: () => void;
  /** Said once the draft is in (the tab shows it after the preview closes). */
  onInserted?: (message: string) => void;
}

function SlotView({ slot, label, onSwap }: { slot: DraftSlot; label: string; onSwap: () => void }) {
  const candidate = slot.candidates[slot.chosen];
  return (
    <li className="tb-item tb-draft-slot">
      <span className="tb-draft-text">{label}{candidate?.text}</span>
      <span className="tb-muted">
        {candidate?.source === 'scaffold' ? t('draft.fromScaffold') : t('draft.fromSnippet', { title: candidate?.title ?? '' })}
        {slot.candidates.length > 1 && ` · ${slot.chosen + 1}/${slot.candidates.length}`}
      </span>
      {slot.candidates.length > 1 && (
        <span className="tb-actions">
          <button type="button" className="tb-link" onClick={onSwap}>
            {t('draft.swap')}
          </button>
        </span>
      )}
    </li>
  );
}

export function DraftPreview({ analysis, bridge, snippets, record, onClose, onInserted }: DraftPreviewProps) {
  const remembered = useRememberedValues();
  const [library, setLibrary] = useState<readonly DraftSnippet[] | undefined>(snippets);
  const [choices, setChoices] = useState<Draft | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (snippets) return;
    let alive = true;
    listSnippets()
      .then((list) => alive && setLibrary(list))
      .catch(() => alive && setLibrary([]));
    return () => {
      alive = false;
    };
  }, [snippets]);

  const template = getTemplate(analysis.templateId, analysis.templates);
  const values = useMemo(() => ({ ...remembered, ...formValues(analysis.fields) }), [remembered, analysis.fields]);
  const built = useMemo(
    () => (template && library ? buildDraft({ template, snippets: library, values }) : undefined),
    [template, library, values],
  );
  // The user's 换一段 choices apply to the draft as built now (the values may still arrive from storage).
  const draft = useMemo(() => {
    if (!built || !choices) return built;
    const chosen = (slot: DraftSlot | undefined, own: DraftSlot | undefined) =>
      slot && own ? { ...slot, chosen: Math.min(own.chosen, slot.candidates.length - 1) } : slot;
    return {
      ...built,
      ...(built.opening ? { opening: chosen(built.opening, choices.opening)! } : {}),
      sections: built.sections.map((section, i) => ({
        ...section,
        slots: section.slots.map((slot, j) => chosen(slot, choices.sections[i]?.slots[j])!),
      })),
    };
  }, [built, choices]);

  if (!template) return null;
  if (!draft) return <p className="tb-muted" role="status">{t('draft.loading')}</p>;
  const missing = draftMissing(draft);
  const swap = (sectionId: string | null, index: number) => setChoices(swapCandidate(draft, sectionId, index));

  const insert = async () => {
    setBusy(true);
    setError(undefined);
    const targets = planDraftInsertion(draft, analysis);
    const outcome = await applyDraft(bridge, targets);
    setBusy(false);
    if (outcome.ok || outcome.reason === 'write') {
      if (outcome.change) record?.(outcome.change);
    }
    if (outcome.ok) {
      onInserted?.(t('draft.inserted', { fields: outcome.filled.join('、'), count: missing.length }));
      onClose();
    } else if (outcome.reason === 'write') {
      setError(t(outcome.messageId ?? 'checks.fixFailed', outcome.params));
    } else {
      setError(t('draft.stale', { field: outcome.field }));
    }
  };

  return (
    <section className="tb-draft" aria-label={t('draft.title')}>
      <h3 className="tb-h3">{t('draft.title')}</h3>
      <p className="tb-muted">{t('draft.intro', { template: template.name })}</p>
      {draft.opening && (
        <ul className="tb-list">
          <SlotView slot={draft.opening} label="" onSwap={() => swap(null, 0)} />
        </ul>
      )}
      {draft.sections.map((section) => (
        <div key={section.sectionId}>
          <h4 className="tb-h3 tb-draft-heading">{section.heading}</h4>
          <ul className="tb-list">
            {section.slots.map((slot, index) => (
              <SlotView
                key={`${section.sectionId}-${index}`}
                slot={slot}
                label={section.numbered ? markerText('h2', index + 1) : ''}
                onSwap={() => swap(section.sectionId, index)}
              />
            ))}
          </ul>
        </div>
      ))}
      {missing.length > 0 && <p className="tb-notice">{t('draft.missing', { names: missing.join('、') })}</p>}
      {error && (
        <p className="tb-notice tb-error" role="alert">
          {error}
        </p>
      )}
      <p className="tb-actions">
        <button type="button" className="tb-primary" disabled={busy} onClick={() => void insert()}>
          {t('draft.insert')}
        </button>{' '}
        <button type="button" className="tb-secondary" onClick={onClose}>
          {t('draft.cancel')}
        </button>
      </p>
    </section>
  );
}
