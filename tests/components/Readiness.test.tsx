// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Readiness, missingItems } from '@/components/panel/Readiness';
import { Panel, type PanelActions } from '@/components/panel/Panel';
import { createPanelStore } from '@/lib/panel/store';
import { parseTemplate, type TemplateInput } from '@/lib/core/template';
import type { PanelField } from '@/lib/panel/bridge';
import { analysisOfForm, fakeBridge } from './panel-doubles';

// Two required sections; the first must cover 理论学习. Small enough that each case changes one thing.
const input: TemplateInput = {
  schemaVersion: 1,
  id: 'readiness-test',
  version: 1,
  name: '测试报告',
  kinds: ['测试报告'],
  sections: [
    {
      id: 'main',
      title: '主要工作',
      required: true,
      topics: [{ id: 'study', title: '理论学习', keywords: ['理论学习'] }],
      scaffold: '一、主要工作\n{{主要工作}}',
    },
    { id: 'problems', title: '存在的问题', required: true, scaffold: '二、存在的问题\n{{问题}}' },
  ],
};
const parsed = parseTemplate(input);
if (!parsed.ok) throw new Error('template');
const template = parsed.template;

const CLEAN = '一、主要工作\n组织理论学习12次，完成各项任务。\n二、存在的问题\n学习还不够深入。';

const unit = (text: string): PanelField => ({ key: 'unit', label: '单位名称', required: true, kind: 'input', text });
const report = (text: string, required = true): PanelField => ({ key: 'main', label: '报告正文', required, kind: 'textarea', text });
const analysisOf = (fields: PanelField[], templateId = 'readiness-test') => analysisOfForm(fields, { templateId, templates: [template] });

function renderBar(fields: PanelField[], templateId?: string) {
  const bridge = fakeBridge();
  const showStructure = vi.fn();
  const view = render(<Readiness analysis={analysisOf(fields, templateId)} bridge={bridge} showStructure={showStructure} />);
  return { bridge, showStructure, view };
}

const expand = () => userEvent.click(screen.getByRole('button', { name: /还差/ }));

describe('Readiness: 可以提交 only when nothing is missing', () => {
  const cases: Array<{ name: string; fields: PanelField[]; templateId?: string; ready: boolean; missing?: string[] }> = [
    { name: 'an empty form', fields: [unit(''), report('')], ready: false, missing: ['单位名称', '报告正文', '主要工作', '存在的问题'] },
    {
      name: 'an empty form with nothing marked required and no template',
      fields: [{ ...unit(''), required: false }, report('', false)],
      templateId: 'none',
      ready: false,
      missing: ['还没有填写任何内容'],
    },
    { name: 'an empty required field', fields: [unit(''), report(CLEAN)], ready: false, missing: ['必填项“单位名称”还没有填写'] },
    {
      name: 'a missing section',
      fields: [unit('某局'), report('一、主要工作\n组织理论学习12次，完成各项任务。')],
      ready: false,
      missing: ['缺少「存在的问题」部分'],
    },
    {
      name: 'an uncovered required topic',
      fields: [unit('某局'), report('一、主要工作\n完成各项任务12项。\n二、存在的问题\n学习还不够深入。')],
      ready: false,
      missing: ['「主要工作」还没有写到：理论学习'],
    },
    { name: 'a blocking placeholder', fields: [unit('某局'), report(`${CLEAN}由xx同志负责。`)], ready: false, missing: ['xx'] },
    { name: 'a clean form', fields: [unit('某局'), report(CLEAN)], ready: true },
  ];

  for (const { name, fields, templateId, ready, missing } of cases) {
    it(`${name}: ${ready ? '可以提交' : `还差 ${missing!.length} 项`}`, async () => {
      renderBar(fields, templateId);
      if (ready) {
        expect(screen.getByRole('status').textContent).toContain('可以提交');
        expect(screen.queryByText(/还差/)).toBeNull();
        return;
      }
      expect(screen.queryByText('可以提交')).toBeNull();
      expect(screen.getByRole('button', { name: /还差/ }).textContent).toContain(`还差 ${missing!.length} 项`);
      await expand();
      const items = within(screen.getByRole('region', { name: '提交准备情况' })).getAllByRole('listitem');
      expect(items).toHaveLength(missing!.length);
      missing!.forEach((text, index) => expect(items[index]!.textContent).toContain(text));
    });
  }

  it('counts a missing section once, not also as the blocking finding the engine raises for it', () => {
    const analysis = analysisOf([unit('某局'), report('一、主要工作\n组织理论学习12次，完成各项任务。')]);
    expect(analysis.findings.some((f) => f.ruleId === 'coverage-section-missing')).toBe(true);
    expect(missingItems(analysis).map((item) => item.key)).toEqual(['section:problems']);
  });

  it('counts a section kept in its own required field once, as that field (定位 goes straight to it)', () => {
    const fields: PanelField[] = [
      unit('某局'),
      { key: 'main', label: '主要工作', required: true, kind: 'textarea', text: '组织理论学习12次，完成各项任务。' },
      { key: 'problems', label: '存在的问题', required: true, kind: 'textarea', text: '' },
    ];
    const analysis = analysisOf(fields);
    expect(analysis.analysis.coverage?.sections.find((s) => s.id === 'problems')).toMatchObject({ status: 'empty', fieldKey: 'problems' });
    const items = missingItems(analysis);
    expect(items.map((item) => item.key)).toEqual(['field:problems']);
    expect(items[0]!.action).toMatchObject({ kind: 'reveal', finding: { fieldKey: 'problems' } });
  });

  it('counts one place that two rules see once, as the tab badge and the guard do', () => {
    const analysis = analysisOf([unit('某局'), report(`${CLEAN}共开展xx次。`)]);
    const reveals = missingItems(analysis).filter((item) => item.action.kind === 'reveal');
    expect(reveals).toHaveLength(analysis.blocking);
  });

  it('shows nothing on a page without fields', () => {
    const { view } = renderBar([]);
    expect(view.container.textContent).toBe('');
  });
});

describe('Readiness: each missing item one click away', () => {
  it('locates an empty required field in the page', async () => {
    const { bridge } = renderBar([unit(''), report(CLEAN)]);
    await expand();
    await userEvent.click(screen.getByRole('button', { name: '定位' }));
    expect(bridge.reveal).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'unit', start: 0, end: 0 }));
  });

  it('locates a blocking finding where it stands', async () => {
    const text = `${CLEAN}由xx同志负责。`;
    const { bridge } = renderBar([unit('某局'), report(text)]);
    await expand();
    await userEvent.click(screen.getByRole('button', { name: '定位' }));
    const start = text.indexOf('xx');
    expect(bridge.reveal).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main', start, end: start + 2 }));
  });

  it('locates the first field of a blank form', async () => {
    const { bridge } = renderBar([{ ...unit(''), required: false }, report('', false)], 'none');
    await expand();
    await userEvent.click(screen.getByRole('button', { name: '定位' }));
    expect(bridge.reveal).toHaveBeenCalledWith(expect.objectContaining({ fieldKey: 'main' }));
  });

  it('opens the 结构 tab for a missing section and for an uncovered topic', async () => {
    const { showStructure, bridge } = renderBar([unit('某局'), report('一、主要工作\n完成各项任务12项。')]);
    await expand();
    const buttons = screen.getAllByRole('button', { name: '到结构页查看' });
    expect(buttons).toHaveLength(2);
    for (const button of buttons) await userEvent.click(button);
    expect(showStructure).toHaveBeenCalledTimes(2);
    expect(bridge.reveal).not.toHaveBeenCalled();
  });

  it('follows a new analysis: the list shrinks as the user fills things in, then reads 可以提交', async () => {
    const bridge = fakeBridge();
    const bar = (fields: PanelField[]) => <Readiness analysis={analysisOf(fields)} bridge={bridge} showStructure={() => undefined} />;
    const { rerender } = render(bar([unit(''), report('一、主要工作\n组织理论学习12次，完成各项任务。')]));
    expect(screen.getByRole('button', { name: /还差/ }).textContent).toContain('还差 2 项');
    rerender(bar([unit('某局'), report('一、主要工作\n组织理论学习12次，完成各项任务。')]));
    expect(screen.getByRole('button', { name: /还差/ }).textContent).toContain('还差 1 项');
    rerender(bar([unit('某局'), report(CLEAN)]));
    expect(screen.getByRole('status').textContent).toContain('可以提交');
  });
});

describe('Readiness in the panel', () => {
  function setup(initial: PanelField[]) {
    let fields = initial;
    let changed: (() => void) | undefined;
    const bridge = fakeBridge({
      readFields: () => fields,
      onChange: (listener) => {
        changed = listener;
        return () => undefined;
      },
    });
    const store = createPanelStore('http://127.0.0.1:1');
    const actions: PanelActions = { enableSite: vi.fn(), persistLayout: vi.fn() };
    render(<Panel store={store} bridge={bridge} actions={actions} />);
    const type = (next: PanelField[]) => {
      fields = next;
      changed?.();
    };
    return { store, type };
  }

  it('stands above every tab', async () => {
    const { store } = setup([unit(''), report('')]);
    for (const tab of ['structure', 'checks', 'snippets', 'fields'] as const) {
      store.getState().setTab(tab);
      expect((await screen.findByRole('region', { name: '提交准备情况' })).textContent).toMatch(/还差 \d+ 项/);
    }
  });

  it('updates as the user types', async () => {
    const { type } = setup([unit(''), report('')]);
    const count = () => Number(/还差 (\d+) 项/.exec(screen.getByRole('button', { name: /还差/ }).textContent ?? '')?.[1]);
    const before = count();
    expect(before).toBeGreaterThan(1);
    type([unit('某局'), report('')]);
    await waitFor(() => expect(count()).toBe(before - 1));
    await userEvent.click(screen.getByRole('button', { name: /还差/ }));
    expect(screen.queryByText(/必填项“单位名称”/)).toBeNull();
    expect(screen.getByText(/必填项“报告正文”/)).toBeTruthy();
  });

  it('switches to the 结构 tab from a missing section', async () => {
    const { store } = setup([unit('某局'), report('一、主要工作\n组织理论学习12次，完成各项任务。')]);
    store.getState().setTab('checks');
    await userEvent.click(await screen.findByRole('button', { name: /还差/ }));
    const buttons = screen.getAllByRole('button', { name: '到结构页查看' });
    await userEvent.click(buttons[0]!);
    expect(store.getState().tab).toBe('structure');
  });
});
