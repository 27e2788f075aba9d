// One stored snippet for tests: every field a valid snippet needs, with the test's own values on top.
import type { Snippet } from '@/lib/storage';

export function makeSnippet(id: string, title: string, extra: Partial<Snippet> = {}): Snippet {
  return {
    id,
    title,
    body: `${title}的正文`,
    folder: '',
    tags: [],
    sectionIds: [],
    variables: [],
    siteValues: {},
    useCount: 0,
    lastUsedAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}
