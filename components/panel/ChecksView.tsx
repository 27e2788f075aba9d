import { useEffect, useState } from 'react';
import { getLanguage, t } from '@/lib/i18n';
import type { StructureSuggestion } from '@/lib/core/analyze';
import { applyEdit, mergeEdits } from '@/lib/core/edits';
import type { Finding, Severity } from '@/lib/core/types';
import type { ApplyFixOptions, InsertOutcome, PageBridge } from '@/lib/panel/bridge';
import type { PageAnalysis } from './usePageAnalysis';
import { PeriodBar } from './PeriodBar';
import { formValues } from '@/lib/panel/form-values';
import { renderSnippet } from '@/lib/core/snippets/render';
import { useRememberedValues } from './useRememberedValues';
import { ChangeLog, longDeletion, type PanelChange } from '@/lib/panel/undo';
import { distinctProblems } from '@/lib/guard/findings';
import { requiredFieldFindings } from '@/lib/guard/required';
import type { StepRequest } from '@/lib/panel/store';

const ORDER: Severity[] = ['blocking', 'warning', 'info'];
/**
 * A rule's findings in one field show as one group row from this many on, with one 全部改正 for that field, so
 * that 70 half-width commas do not bury an xx (issue 11 item 8: one grouped finding per field, one fix).
 */
const GROUP_AT = 2;
/** Missing sections keep a row each (each its own 插入参考框架) until there are this many in one field. */
const SCAFFOLD_GROUP_AT = 4;
/**
 * The finding for a missing section: its fix inserts the section's scaffold and renumbers the headings after it
 * (the Structure tab's suggestion, as one replacement), so its text is no label for the button.
 */
const SCAFFOLD_RULE = 'coverage-section-missing';

interface Group {
  /** severity|ruleId|fieldKey: one group per rule and field. */
  key: string;
  ruleId: string;
  severity: Severity;
  fieldKey: string | undefined;
  findings: Finding[];
}

function groupFindings(findings: Finding[]): Group[] {
  const byRule = new Map<string, Group>();
  for (const finding of findings) {
    const key = `${finding.severity}|${finding.ruleId}|${finding.fieldKey ?? ''}`;
    let group = byRule.get(key);
    if (!group) {
      group = { key, ruleId: finding.ruleId, severity: finding.severity, fieldKey: finding.fieldKey, findings: [] };
      byRule.set(key, group);
    }
    group.findings.push(finding);
  }
  return [...byRule.values()].sort(
    (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.findings[0]!.start - b.findings[0]!.start,
  );
}

/** A category's name for the user; a category no catalog names yet reads 其他 rather than its code. */
function categoryName(category: string): string {
  const id = `checks.category.${category}`;
  const name = t(id);
  return name === id ? t('checks.category.other') : name;
}

/**
 * The groups of each category, the categories in the order of their first group (so the one holding the first
 * blocking finding leads, as the list did before it had headings).
 */
function byCategory(groups: Group[]): Array<{ category: string; groups: Group[]; count: number }> {
  const out = new Map<string, { category: string; groups: Group[]; count: number }>();
  for (const group of groups) {
    const category = group.findings[0]!.category;
    let entry = out.get(category);
    if (!entry) {
      entry = { category, groups: [], count: 0 };
      out.set(category, entry);
    }
    entry.groups.push(group);
    entry.count += group.findings.length;
  }
  return [...out.values()];
}

/** How many changes the preview of 全部改正 lists before it says 还有 N 处. */
const PREVIEW_AT_MOST = 10;
/** Characters of the text either side of a change in the preview: a lone "," → "，" says nothing by itself. */
const PREVIEW_CONTEXT = 6;

const oneLine = (text: string, max = 40) => {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** What the user reads after a one-click fix: nothing when it went in (the finding goes away), else why not. */
function fixOutcome(result: InsertOutcome): { text: string; ok: boolean } | undefined {
  return result.ok ? undefined : { ok: false, text: t(result.messageId ?? 'checks.fixFailed', result.params) };
}

/** After inserting a missing section's scaffold: what went in and what was renumbered, or that nothing changed. */
function scaffoldOutcome(finding: Finding, result: InsertOutcome, suggestion: StructureSuggestion | undefined): { text: string; ok: boolean } {
  const section = String(finding.params?.section ?? '');
  const count = suggestion?.renumber?.length ?? 0;
  if (result.ok && result.renumberSkipped) return { ok: true, text: t('structure.insertedNotRenumbered', { section, count }) };
  if (result.ok) {
    return { ok: true, text: count > 0 ? t('structure.insertedRenumbered', { section, count }) : t('structure.inserted', { section }) };
  }
  if (result.messageId === 'checks.fixStale') return { ok: false, text: t('checks.insertStale') };
  return { ok: false, text: t(result.messageId ?? 'checks.fixFailed', result.params) };
}

type ExportKind = 'report' | 'check';

/**
 * 导出公文 and 导出检查报告 (issue 14): the report as the panel reads it (the mapped fields, joined as the engine
 * joins them) saved as a .docx download from the panel's frame. The export code (the docx writer) is loaded only
 * on the first click, so the panel's start-up bundle does not carry it.
 */
export function ExportButtons({ analysis }: { analysis: PageAnalysis }) {
  const [busy, setBusy] = useState<ExportKind | undefined>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | undefined>(undefined);
  const run = async (kind: ExportKind) => {
    setBusy(kind);
    setMessage(undefined);
    try {
      const { exportReportDocx, exportCheckReportDocx, saveBlob } = await import('@/lib/export/download');
      const result =
        kind === 'report'
          ? await exportReportDocx(analysis.reportFields)
          : await exportCheckReportDocx(analysis.reportFields, {
              lang: getLanguage(),
              templateId: analysis.templateId,
              templates: analysis.templates,
              ...(analysis.period ? { period: analysis.period.period } : {}),
              requiredEmpty: requiredFieldFindings(analysis.fields),
            });
      if (!result.ok) {
        setMessage({ ok: false, lines: [t(result.error.messageId, result.error.params)] });
        return;
      }
      saveBlob(result.blob, result.filename);
      const saved =
        kind === 'check'
          ? t('export.savedCheck', { file: result.filename })
          : result.pages
            ? t('export.saved', { file: result.filename, pages: result.pages })
            : t('checks.exportSaved', { file: result.filename });
      setMessage({ ok: true, lines: [saved, ...result.warnings.map((warning) => t(warning.messageId, warning.params))] });
    } catch (error) {
      setMessage({ ok: false, lines: [t('checks.exportFailed', { reason: error instanceof Error ? error.message : String(error) })] });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="tb-export" data-testid="tianbao-export">
      <span className="tb-actions">
        <button type="button" className="tb-secondary" disabled={busy !== undefined} onClick={() => void run('report')}>
          {busy === 'report' ? t('checks.exporting') : t('checks.exportReport')}
        </button>
        <button type="button" className="tb-secondary" disabled={busy !== undefined} onClick={() => void run('check')}>
          {busy === 'check' ? t('checks.exporting') : t('checks.exportCheck')}
        </button>
      </span>
      {message && (
        <div className={message.ok ? 'tb-ok' : 'tb-notice tb-error'} role={message.ok ? 'status' : 'alert'}>
          {message.lines.map((line, index) => (
            <p key={index} className="tb-export-line">
              {line}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

export interface ChecksViewProps {
  analysis: PageAnalysis;
  bridge: PageBridge;
  /** Called with what a fix or 全部改正 changed, for the panel's 撤销. */
  record?: (change: PanelChange) => void;
  /** F8 / Shift+F8 or the next-problem shortcut: go to the next or previous finding (lib/panel/store.ts). */
  step?: StepRequest;
  /** Called once the step is taken. */
  onStepTaken?: () => void;
}

/** Findings in reading order: field by field as the form has them, then by offset. */
function readingOrder(findings: Finding[], fieldKeys: Array<string | undefined>): Finding[] {
  const rank = (finding: Finding) => {
    const index = fieldKeys.indexOf(finding.fieldKey);
    return index < 0 ? fieldKeys.length : index;
  };
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.start - b.start || a.end - b.end);
}

export function ChecksView({ analysis, bridge, record, step, onStepTaken }: ChecksViewProps) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | undefined>(undefined);
  const remembered = useRememberedValues();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  /** The category the list is narrowed to (undefined = 全部). */
  const [filter, setFilter] = useState<string | undefined>(undefined);
  /** The group whose 全部改正 waits for 确认改正 under its preview. */
  const [preview, setPreview] = useState<string | undefined>(undefined);
  /** The finding whose long deletion waits for 确认删除 under the text it removes. */
  const [confirming, setConfirming] = useState<Finding | undefined>(undefined);
  /** The finding F8 / the next-problem shortcut went to last: marked in the list, the next step starts after it. */
  const [current, setCurrent] = useState<Finding | undefined>(undefined);
  const { findings, fields } = analysis;

  // A step: the finding after (before) the current one in reading order, wrapping round; its group opened and
  // its category shown, the row marked and scrolled to, and the text shown in the page (定位).
  useEffect(() => {
    if (!step) return;
    onStepTaken?.();
    const ordered = readingOrder(findings, fields.map((field) => field.key));
    if (ordered.length === 0) return;
    const keys: Array<string | undefined> = fields.map((field) => field.key);
    const place = (f: Finding) => [keys.indexOf(f.fieldKey), f.start, f.end] as const;
    const compare = (a: Finding, b: Finding) => {
      const [pa, pb] = [place(a), place(b)];
      return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
    };
    let next: Finding | undefined;
    if (!current) next = step.direction === 1 ? ordered[0] : ordered[ordered.length - 1];
    else if (step.direction === 1) next = ordered.find((f) => compare(f, current) > 0) ?? ordered[0];
    else next = [...ordered].reverse().find((f) => compare(f, current) < 0) ?? ordered[ordered.length - 1];
    if (!next) return;
    const target = next;
    setCurrent(target);
    setFilter((active) => (active === undefined || active === target.category ? active : undefined));
    // The group's key as groupFindings makes it (severity|rule|field).
    setOpen((was) => new Set(was).add(`${target.severity}|${target.ruleId}|${target.fieldKey ?? ''}`));
    bridge.reveal(target);
    // The row in view; the page's field has the caret at the finding (F8 goes on from there, lib/host/host.ts).
    requestAnimationFrame(() => document.querySelector('.tb-item.tb-current')?.scrollIntoView?.({ block: 'nearest' }));
    // Only a new request steps; the findings it reads are this render's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step?.seq]);
  if (analysis.reportFields.length === 0) return <p className="tb-empty">{t('fields.none')}</p>;
  if (findings.length === 0) {
    return (
      <div>
        <PeriodBar analysis={analysis} />
        <p className="tb-ok">{t('checks.clean')}</p>
        <ExportButtons analysis={analysis} />
      </div>
    );
  }

  const textOf = (key: string | undefined) => fields.find((field) => field.key === key)?.text ?? '';
  const labelOf = (key: string | undefined) => fields.find((field) => field.key === key)?.label ?? '';
  // Blocking problems counted once per place, as the tab's badge and the submit guard count them.
  const counts = ORDER.map((severity) =>
    severity === 'blocking' ? distinctProblems(findings.filter((f) => f.severity === severity)).length : findings.filter((f) => f.severity === severity).length,
  );
  const excerpt = (finding: Finding) => {
    const raw = textOf(finding.fieldKey).slice(finding.start, finding.end);
    return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  };

  // A fix's offsets hold only in the text the analysis read: the bridge changes nothing in a field that no longer
  // holds it (typed into since), rather than put the fix in the wrong place.
  const seenText = (key: string | undefined) => analysis.reportFields.find((field) => field.key === key)?.text;

  // The Structure tab's suggestion behind a missing-section finding: how many headings its fix renumbers, and
  // where its scaffold ends (the fix's text starts with it).
  const suggestionFor = (finding: Finding): StructureSuggestion | undefined =>
    analysis.analysis.suggestions.find(
      (s) =>
        (s.fieldKey ?? analysis.reportFields[0]?.key) === finding.fieldKey &&
        s.offset === finding.start &&
        s.sectionTitle === finding.params?.section &&
        finding.fix?.text.startsWith(s.text) === true,
    );

  const fixOne = async (found: Finding) => {
    let finding = found;
    const seen = seenText(finding.fieldKey);
    const scaffold = finding.ruleId === SCAFFOLD_RULE ? suggestionFor(finding) : undefined;
    const options: ApplyFixOptions = seen === undefined ? {} : { expectedText: seen };
    if (scaffold && finding.fix) {
      // The scaffold's variables filled from the form, as the Structure tab does; the renumbering after it stays.
      const filled = renderSnippet(scaffold.text, { ...remembered, ...formValues(fields) }).text;
      finding = { ...finding, fix: { ...finding.fix, text: filled + finding.fix.text.slice(scaffold.text.length) } };
      // After the scaffold's last line, where the writer goes on (as the Structure tab leaves it).
      options.caret = finding.start + filled.replace(/\s+$/, '').length;
      // What a rich editor inserts alone when it cannot renumber in the same undo step.
      if (scaffold.renumber?.length) options.insertion = { start: scaffold.offset, end: scaffold.offset, text: filled };
    }
    const result = await bridge.applyFix(finding, options);
    const log = new ChangeLog(finding.ruleId === SCAFFOLD_RULE ? 'scaffold' : 'fix');
    log.note(finding.fieldKey, labelOf(finding.fieldKey), result);
    const change = log.change();
    if (change) record?.(change);
    setOutcome(finding.ruleId === SCAFFOLD_RULE ? scaffoldOutcome(finding, result, scaffold) : fixOutcome(result));
  };

  /** What a fix would remove when that is more than a phrase (shown before it goes), else undefined. */
  const deletionOf = (finding: Finding) =>
    finding.fix && finding.ruleId !== SCAFFOLD_RULE ? longDeletion(seenText(finding.fieldKey) ?? textOf(finding.fieldKey), finding.fix) : undefined;
  const sameFinding = (a: Finding | undefined, b: Finding) =>
    a !== undefined && a.ruleId === b.ruleId && a.fieldKey === b.fieldKey && a.start === b.start && a.end === b.end;

  // Later fixes first (at one offset, the later finding first), so that each earlier finding's offsets still hold
  // when its turn comes. The text each field holds after each fix is known, so every fix is still checked against
  // it; a fix reaching into text an applied one replaced (two missing sections' renumberings) waits for the next
  // analysis.
  const fixAll = async (group: Group) => {
    const fixable = group.findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => finding.fix)
      .sort((a, b) => b.finding.fix!.start - a.finding.fix!.start || b.index - a.index)
      .map(({ finding }) => finding);
    const expected = new Map<string | undefined, string | undefined>();
    const appliedFrom = new Map<string | undefined, number>();
    const log = new ChangeLog('fixAll');
    let done = 0;
    let failed = 0;
    // In a plain text field the group's fixes go in as one replacement, so one Ctrl+Z takes the whole batch
    // back (154 commas were 154 undo steps). Editors keep one fix at a time: a replacement spanning paragraphs
    // would retype their formatting away.
    const plainKinds = new Set(['textarea', 'input']);
    const kindOf = (key: string | undefined) => fields.find((field) => field.key === key)?.kind;
    const batched = new Set<string | undefined>();
    for (const key of new Set(fixable.map((finding) => finding.fieldKey))) {
      const seen = seenText(key);
      if (seen === undefined || !plainKinds.has(kindOf(key) ?? '')) continue;
      const mine: Finding[] = [];
      let from = Number.POSITIVE_INFINITY;
      for (const finding of fixable) {
        if (finding.fieldKey !== key || finding.fix!.end > from) continue;
        mine.push(finding);
        from = finding.fix!.start;
      }
      if (mine.length < 2) continue;
      // In text order, ties in the order the findings stand (several sections inserted at one place).
      const merged = mergeEdits(seen, [...mine].reverse().map((finding) => finding.fix!));
      if (!merged) continue;
      batched.add(key);
      const result = await bridge.applyFix({ ...mine[0]!, start: merged.start, end: merged.end, fix: merged }, { expectedText: seen });
      log.note(key, labelOf(key), result);
      if (result.ok) done += mine.length;
      else failed += mine.length;
      // Overlapping fixes left out wait for the next analysis, as below.
    }
    for (const finding of fixable) {
      if (batched.has(finding.fieldKey)) continue;
      const key = finding.fieldKey;
      const fix = finding.fix!;
      if (fix.end > (appliedFrom.get(key) ?? Number.POSITIVE_INFINITY)) continue;
      const seen = expected.has(key) ? expected.get(key) : seenText(key);
      const result = await bridge.applyFix(finding, seen === undefined ? {} : { expectedText: seen });
      log.note(key, labelOf(key), result);
      if (!result.ok) {
        failed += 1;
        continue;
      }
      done += 1;
      appliedFrom.set(key, fix.start);
      expected.set(key, seen === undefined ? undefined : applyEdit(seen, fix));
    }
    const change = log.change();
    if (change) record?.(change);
    setOutcome(
      done === fixable.length
        ? { ok: true, text: t('checks.fixedAll', { count: done }) }
        : failed > 0
          ? { ok: false, text: t('checks.fixedSome', { done, total: fixable.length }) }
          : { ok: false, text: t('checks.fixedOverlap', { done, left: fixable.length - done }) },
    );
  };

  const row = (finding: Finding, index: number) => (
    <li
      key={`${finding.ruleId}-${finding.fieldKey}-${finding.start}-${index}`}
      className={`tb-item tb-sev-${finding.severity}${sameFinding(current, finding) ? ' tb-current' : ''}`}
      aria-current={sameFinding(current, finding) ? 'true' : undefined}
    >
      <span className="tb-item-title">
        <span className="tb-sev">{t(`severity.${finding.severity}`)}</span>
        {t(finding.messageId, finding.params)}
      </span>
      <span className="tb-muted">
        {/* An empty field or a place to insert has no text to quote. */}
        {labelOf(finding.fieldKey)}
        {excerpt(finding) ? ` · “${excerpt(finding)}”` : ''}
      </span>
      <span className="tb-actions">
        <button type="button" className="tb-link" onClick={() => bridge.reveal(finding)}>
          {t('checks.locate')}
        </button>
        {finding.fix && (
          <button
            type="button"
            className="tb-link"
            aria-expanded={deletionOf(finding) !== undefined ? sameFinding(confirming, finding) : undefined}
            onClick={() => {
              // A deletion of more than a phrase is shown first; the rest go in at once.
              if (deletionOf(finding) !== undefined) setConfirming(finding);
              else void fixOne(finding);
            }}
          >
            {finding.ruleId === SCAFFOLD_RULE
              ? t('structure.insertScaffold')
              : finding.fix.text === ''
                ? t('checks.fixDelete')
                : t('checks.fixReplace', { text: finding.fix.text })}
          </button>
        )}
      </span>
      {sameFinding(confirming, finding) && deletionOf(finding) !== undefined && (
        <div className="tb-preview" ref={(el) => el?.scrollIntoView?.({ block: 'nearest' })}>
          <p className="tb-muted" style={{ margin: 0 }}>
            {t('checks.confirmDeleteTitle', { count: deletionOf(finding)!.length })}
          </p>
          <blockquote className="tb-removed" aria-label={t('checks.confirmDeleteTitle', { count: deletionOf(finding)!.length })}>
            <del>{deletionOf(finding)}</del>
          </blockquote>
          <span className="tb-actions">
            <button
              type="button"
              className="tb-primary"
              onClick={() => {
                setConfirming(undefined);
                void fixOne(finding);
              }}
            >
              {t('checks.confirmDelete')}
            </button>
            <button type="button" className="tb-secondary" onClick={() => setConfirming(undefined)}>
              {t('checks.previewCancel')}
            </button>
          </span>
        </div>
      )}
    </li>
  );

  // The changes 全部改正 would make, in the order they stand in the text, each with a little of the text around
  // it; the user confirms them before anything changes.
  const previewOf = (group: Group) => {
    const fixable = group.findings.filter((f) => f.fix).sort((a, b) => a.fix!.start - b.fix!.start);
    return (
      <li
        key={`${group.key}|preview`}
        className="tb-preview"
        // Opened from a row near the bottom, the preview and its buttons would start below the fold.
        ref={(el) => el?.scrollIntoView?.({ block: 'nearest' })}
      >
        <p className="tb-muted" style={{ margin: 0 }}>
          {t('checks.previewTitle', { count: fixable.length })}
        </p>
        <ul className="tb-preview-list" aria-label={t('checks.previewTitle', { count: fixable.length })}>
          {fixable.slice(0, PREVIEW_AT_MOST).map((finding, index) => {
            const fix = finding.fix!;
            if (finding.ruleId === SCAFFOLD_RULE) {
              return <li key={index}>{t('checks.previewScaffold', { section: String(finding.params?.section ?? '') })}</li>;
            }
            const text = seenText(finding.fieldKey) ?? textOf(finding.fieldKey);
            const before = oneLine(text.slice(Math.max(0, fix.start - PREVIEW_CONTEXT), fix.start));
            const after = oneLine(text.slice(fix.end, fix.end + PREVIEW_CONTEXT));
            return (
              <li key={index}>
                <span className="tb-preview-line">
                  <span className="tb-muted">{t('checks.previewFrom')}</span> {before}
                  <del>{oneLine(text.slice(fix.start, fix.end))}</del>
                  {after}
                </span>
                <span className="tb-preview-line">
                  <span className="tb-muted">{t('checks.previewTo')}</span> {before}
                  <ins>{fix.text === '' ? t('checks.previewDelete') : oneLine(fix.text)}</ins>
                  {after}
                </span>
              </li>
            );
          })}
        </ul>
        {fixable.length > PREVIEW_AT_MOST && (
          <p className="tb-muted" style={{ margin: '0 0 6px' }}>
            {t('checks.previewMore', { count: fixable.length - PREVIEW_AT_MOST })}
          </p>
        )}
        <span className="tb-actions">
          <button
            type="button"
            className="tb-primary"
            onClick={() => {
              setPreview(undefined);
              void fixAll(group);
            }}
          >
            {t('checks.previewConfirm')}
          </button>
          <button type="button" className="tb-secondary" onClick={() => setPreview(undefined)}>
            {t('checks.previewCancel')}
          </button>
        </span>
      </li>
    );
  };

  /**
   * A group's title: the findings' message when they all say the same, else the rule's name (half-width marks
   * of several kinds: ",", "(", ":"), else the first finding's message.
   */
  const groupTitle = (group: Group) => {
    const first = group.findings[0]!;
    const message = t(first.messageId, first.params);
    if (group.findings.every((finding) => t(finding.messageId, finding.params) === message)) return message;
    const nameId = `rules.name.${group.ruleId}`;
    const name = t(nameId);
    return name === nameId ? message : name;
  };

  const groupRows = (group: Group) => {
    const at = group.ruleId === SCAFFOLD_RULE ? SCAFFOLD_GROUP_AT : GROUP_AT;
    if (group.findings.length < at) return group.findings.map(row);
    const key = group.key;
    const expanded = open.has(key);
    const fixable = group.findings.filter((f) => f.fix).length;
    const label = labelOf(group.fieldKey);
    return [
      <li key={key} className={`tb-item tb-group tb-sev-${group.severity}`}>
        <span className="tb-item-title">
          <span className="tb-sev">{t(`severity.${group.severity}`)}</span>
          {groupTitle(group)}
        </span>
        <span className="tb-muted">
          {label ? t('checks.groupCountIn', { field: label, count: group.findings.length }) : t('checks.groupCount', { count: group.findings.length })}
        </span>
        <span className="tb-actions">
          <button
            type="button"
            className="tb-link"
            aria-expanded={expanded}
            onClick={() => {
              const next = new Set(open);
              if (expanded) next.delete(key);
              else next.add(key);
              setOpen(next);
            }}
          >
            {expanded ? t('checks.collapseGroup') : t('checks.expandGroup')}
          </button>
          {fixable > 1 && (
            <button type="button" className="tb-link" aria-expanded={preview === key} onClick={() => setPreview(key)}>
              {t('checks.fixAll', { count: fixable })}
            </button>
          )}
        </span>
      </li>,
      ...(preview === key && fixable > 1 ? [previewOf(group)] : []),
      ...(expanded ? group.findings.map(row) : []),
    ];
  };

  const categories = byCategory(groupFindings(findings));
  // A category the user picked that has since gone (all fixed) falls back to 全部 rather than an empty list.
  const shown = categories.filter((entry) => filter === undefined || entry.category === filter);
  const visible = shown.length > 0 ? shown : categories;
  const active = shown.length > 0 ? filter : undefined;

  return (
    <div>
      <PeriodBar analysis={analysis} />
      <p className="tb-summary">{t('checks.summary', { blocking: counts[0]!, warning: counts[1]!, info: counts[2]! })}</p>
      <ExportButtons analysis={analysis} />
      {outcome && (
        <p className={outcome.ok ? 'tb-ok' : 'tb-notice tb-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {categories.length > 1 && (
        <div className="tb-chips" role="group" aria-label={t('checks.filterLabel')}>
          <button type="button" className="tb-chip" aria-pressed={active === undefined} onClick={() => setFilter(undefined)}>
            {t('checks.filterAll', { count: findings.length })}
          </button>
          {categories.map((entry) => (
            <button
              key={entry.category}
              type="button"
              className="tb-chip"
              aria-pressed={active === entry.category}
              onClick={() => setFilter(entry.category)}
            >
              {t('checks.filterOne', { name: categoryName(entry.category), count: entry.count })}
            </button>
          ))}
        </div>
      )}
      {visible.map((entry) => (
        <section key={entry.category} aria-label={categoryName(entry.category)}>
          <h3 className="tb-h3 tb-cat">{t('checks.categoryHeading', { name: categoryName(entry.category), count: entry.count })}</h3>
          <ul className="tb-list">{entry.groups.flatMap(groupRows)}</ul>
        </section>
      ))}
    </div>
  );
}
