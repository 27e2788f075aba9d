// @vitest-environment happy-dom
// 下一个问题: F8 / Shift+F8 in the panel and the browser shortcut (Alt+Shift+N) step through the findings in
// reading order, wrap round at the ends, mark the row, open a folded group and show the text in the page.
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { ChecksView } from '@/components/panel/ChecksView';
import type { StepRequest } from '@/lib/panel/store';
import { analysisOfMainField, fakeBridge } from './panel-doubles';

// Two placeholders, then a wrong meeting name: three findings of different rules, in this reading order.
const TEXT = '一、主要工作情况\n副主任xx负责意识形态工作，参会人员xx名。\n深入学习贯彻党的十九五中全会精神。';

function setUp(text = TEXT) {
  const bridge = fakeBridge();
  const analysis = analysisOfMainField(text, { templateId: 'none' });
  let seq = 0;
  let taken = 0;
  const view = (step?: StepRequest) => (
    <ChecksView analysis={analysis} bridge={bridge} step={step} onStepTaken={() => (taken += 1)} />
  );
  const { rerender } = render(view());
  const press = (direction: 1 | -1) => act(() => rerender(view({ seq: ++seq, direction, from: 'page' })));
  const revealed = () => {
    const calls = (bridge.reveal as unknown as { mock: { calls: Array<[{ start: number; end: number }]> } }).mock.calls;
    const last = calls[calls.length - 1]![0];
    return text.slice(last.start, last.end);
  };
  return { press, revealed, taken: () => taken, analysis };
}

describe('ChecksView: next and previous problem', () => {
  it('goes through the findings in reading order and wraps round', () => {
    const { press, revealed, taken, analysis } = setUp();
    const order = [...analysis.findings].sort((a, b) => a.start - b.start).map((f) => TEXT.slice(f.start, f.end));
    expect(order.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let i = 0; i < order.length; i++) {
      press(1);
      seen.push(revealed());
    }
    expect(seen).toEqual(order);
    press(1);
    expect(revealed()).toBe(order[0]);
    press(-1);
    expect(revealed()).toBe(order[order.length - 1]);
    expect(taken()).toBe(order.length + 2);
  });

  it('marks the row it went to', () => {
    const { press } = setUp();
    press(1);
    const current = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toContain('“xx”');
  });

  it('opens the group a finding is folded into', () => {
    // Five placeholders fold into one group row; stepping to one shows its own row.
    const text = '一、主要工作情况\n' + Array.from({ length: 5 }, (_, i) => `第${i + 1}次会议参会人员xx名。`).join('\n');
    const { press } = setUp(text);
    expect(screen.getAllByRole('listitem').some((li) => li.getAttribute('aria-current') === 'true')).toBe(false);
    press(1);
    const current = screen.getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'true');
    expect(current?.textContent).toContain('“xx”');
  });
});
