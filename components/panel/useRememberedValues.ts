import { useEffect, useState } from 'react';
import { getManagedConfig, listSnippets, watchSnippets } from '@/lib/storage';
import { pageOrigin } from '@/lib/panel/page-origin';

/**
 * Variable values this site already has outside the form: what the user typed into snippets' variable boxes
 * here (each snippet remembers them per site) and the unit's name from the unit's configuration. Scaffolds
 * (插入参考框架) fill {{单位名称}} and the like from the form first and from these after, as snippets do, so a
 * scaffold inserted before the form's 单位名称 is filled still gets the name the user gave last time.
 */
export function useRememberedValues(): Record<string, string> {
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    const origin = pageOrigin();
    let alive = true;
    const load = () =>
      Promise.all([listSnippets(), getManagedConfig()])
        .then(([snippets, config]) => {
          const merged: Record<string, string> = {};
          if (config?.unitName) merged['单位名称'] = config.unitName;
          // Most recently used snippets last, so their values win.
          const ordered = [...snippets].sort((a, b) => (a.lastUsedAt ?? 0) - (b.lastUsedAt ?? 0));
          for (const snippet of ordered) Object.assign(merged, snippet.siteValues[origin] ?? {});
          if (alive) setValues(merged);
        })
        .catch(() => undefined);
    void load();
    const stop = watchSnippets(() => void load());
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return values;
}
