import { useEffect, useState } from 'react';
import { getLanguage, t, type MessageId } from '@/lib/i18n';

/** A stored moment as the options page shows it: date and minutes, in the page's language. */
export function formatTime(time: number): string {
  return new Date(time).toLocaleString(getLanguage() === 'en' ? 'en' : 'zh-CN', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export interface StoredListSource<T> {
  list(): Promise<T[]>;
  retentionDays(): Promise<number>;
  watch?(onChange: () => void): () => void;
}

/**
 * The state every stored-list section of the options page shares (drafts, report records): the items, loaded on
 * mount and again whenever `watch` reports a change elsewhere; the retention in days; one error line; which item
 * shows its full text; and `run`, which performs an action, shows `actionFailed` if it throws, then reloads.
 */
export function useStoredList<T>(
  { list, retentionDays, watch }: StoredListSource<T>,
  messages: { loadFailed: MessageId; actionFailed: MessageId },
) {
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [days, setDays] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | undefined>(undefined);

  const reload = () =>
    list().then(
      (next) => setItems(next),
      () => setError(t(messages.loadFailed)),
    );
  useEffect(() => {
    void reload();
    retentionDays().then(setDays, () => undefined);
    return watch?.(() => void reload());
  }, []);

  const run = async (task: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await task();
    } catch {
      setError(t(messages.actionFailed));
    }
    await reload();
  };

  return { items, days, error, open, setOpen, run };
}
