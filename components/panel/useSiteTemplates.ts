import { useEffect, useState } from 'react';
import type { Template } from '@/lib/core/template';
import { listUserTemplates, watchUserTemplates } from '@/lib/storage';
import { toEngineTemplates } from '@/lib/panel/user-templates';
import { useSiteProfileValue } from './useSiteProfileValue';

export interface SiteTemplates {
  /** The user's own templates, valid ones only. */
  userTemplates: Template[];
  /** The template chosen for this site in the 结构 tab; undefined = pick automatically. */
  chosenId?: string;
}

export function useSiteTemplates(origin: string): SiteTemplates {
  const [userTemplates, setUserTemplates] = useState<Template[]>([]);
  const [chosenId] = useSiteProfileValue(origin, (profile) => profile?.templateId ?? undefined);
  useEffect(() => {
    let alive = true;
    listUserTemplates()
      .then((list) => alive && setUserTemplates(toEngineTemplates(list)))
      .catch(() => undefined);
    const stopTemplates = watchUserTemplates((list) => alive && setUserTemplates(toEngineTemplates(list)));
    return () => {
      alive = false;
      stopTemplates();
    };
  }, []);
  return { userTemplates, chosenId };
}
