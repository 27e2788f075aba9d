// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as discovery from '@/lib/dom/discovery';
import { createFocusTracker } from '@/lib/dom/focus';
import { createDomBridge } from '@/lib/panel/dom-bridge';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  document.body.innerHTML = `
    <form>
      <label for="main">主要工作情况</label><textarea id="main"></textarea>
      <span id="count">0</span>
    </form>`;
  const spy = vi.spyOn(discovery, 'discoverFields');
  const bridge = createDomBridge(window, createFocusTracker(window));
  return { bridge, spy };
}

describe('createDomBridge.readFields', () => {
  it('reads the new text after an edit without walking the page again', async () => {
    const { bridge, spy } = setup();
    expect(bridge.readFields()[0]!.text).toBe('');
    (document.getElementById('main') as HTMLTextAreaElement).value = '一、主要工作情况';
    document.getElementById('count')!.textContent = '8';
    await flush();
    expect(bridge.readFields()[0]!.text).toBe('一、主要工作情况');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('finds a field the page added later', async () => {
    const { bridge } = setup();
    expect(bridge.readFields()).toHaveLength(1);
    const extra = document.createElement('div');
    extra.innerHTML = '<label for="plans">下一步工作打算</label><textarea id="plans"></textarea>';
    document.querySelector('form')!.append(extra);
    await flush();
    expect(bridge.readFields().map((f) => f.label)).toEqual(['主要工作情况', '下一步工作打算']);
  });

  it('drops a field the page removed', async () => {
    const { bridge } = setup();
    expect(bridge.readFields()).toHaveLength(1);
    document.getElementById('main')!.remove();
    await flush();
    expect(bridge.readFields()).toHaveLength(0);
  });
});
