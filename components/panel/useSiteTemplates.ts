import { useEffect, useState } from 'react';
import type { Template } from '@/lib/core/template';
import { listUserTemplates, watchUserTemplates, getSiteProfile, watchSiteProfiles } from '@/lib/storage';
import { toEngineTemplates } from '@/lib/panel/user-templates';

export interface SiteTemplates {
  /** The user's own templates, valid ones only. */
  userTemplates: Template[];
  /** The template chosen for this site in the 结构 tab; undefined = pick automatically. */
  chosenId?: string;
}

export function useSiteTemplates(origin: string): SiteTemplates {
  const [userTemplates, setUserTemplates] = useState<Template[]>([]);
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    listUserTemplates()
      .then((list) => alive && setUserTemplates(toEngineTemplates(list)))
      .catch(() => undefined);
    const stopTemplates = watchUserTemplates((list) => alive && setUserTemplates(toEngineTemplates(list)));
    if (origin) {
      getSiteProfile(origin)
        .then((profile) => alive && setChosenId(profile.templateId ?? undefined))
        .catch(() => undefined);
    }
    const stopProfiles = watchSiteProfiles((profiles) => alive && setChosenId(profiles[origin]?.templateId ?? undefined));
    return () => {
      alive = false;
      stopTemplates();
      stopProfiles();
    };
  }, [origin]);
  return { userTemplates, chosenId };
}
