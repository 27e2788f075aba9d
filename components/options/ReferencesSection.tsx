import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { draftPreview } from '@/lib/drafts/text';
import type { AddReferenceOutcome, ReferenceText } from '@/lib/storage';

export interface ReferencesSectionProps {
  list(): Promise<ReferenceText[]>;
  add(input: { title: string; text: string }): Promise<{ outcome: AddReferenceOutcome }>;
  remove(id: string): Promise<unknown>;
  watch?(onChange: () => void): () => void;
}

/** 我的范文: sample texts the user adds, which 范文相似度 compares reports with beside the built-in ones. */
export function ReferencesSection({ list, add, remove, watch }: ReferencesSectionProps) {
  const [items, setItems] = useState<ReferenceText[] | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const reload = () => list().then(setItems, () => setMessage({ ok: false, text: t('options.references.loadFailed') }));
  useEffect(() => {
    void reload();
    return watch?.(() => void reload());
  }, []);

  const submit = async () => {
    try {
      const { outcome } = await add({ title, text });
      setMessage({ ok: outcome === 'saved', text: t(`options.references.${outcome}`) });
      if (outcome === 'saved') {
        setTitle('');
        setText('');
      }
    } catch {
      setMessage({ ok: false, text: t('options.history.actionFailed') });
    }
    await reload();
  };

  return (
    <section aria-labelledby="references-title" className="opt-section">
      <h2 id="references-title">{t('options.references.title')}</h2>
      <p className="opt-muted">{t('options.references.explain')}</p>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'opt-error'}>{message.text}</p>}
      <label style={{ display: 'block' }}>
        {t('options.references.titleLabel')}
        <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} style={{ display: 'block', width: '100%' }} />
      </label>
      <label style={{ display: 'block' }}>
        {t('options.references.textLabel')}
        <textarea value={text} rows={6} onChange={(e) => setText(e.target.value)} style={{ display: 'block', width: '100%' }} />
      </label>
      <p>
        <button type="button" disabled={text.trim() === ''} onClick={() => void submit()}>
          {t('options.references.add')}
        </button>
      </p>
      {items && items.length === 0 && <p>{t('options.references.none')}</p>}
      {items && items.length > 0 && (
        <ul className="opt-list">
          {items.map((item) => (
            <li key={item.id} aria-label={item.title}>
              <span>
                <strong>{item.title}</strong> <span className="opt-muted">{t('options.references.size', { count: item.text.length })} · {draftPreview(item.text, 60)}</span>
              </span>{' '}
              <button type="button" onClick={() => void remove(item.id).then(reload)}>
                {t('options.history.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
