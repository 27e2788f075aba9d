// User templates (derived from a sample report or edited copies). The built-in templates live in
// lib/core/template and are never stored; `sections` is that module's section shape, which storage keeps
// as bounded opaque data.
import { StorageNotFoundError } from './errors';
import { readItem, templatesItem } from './items';
import type { UserTemplate } from './schemas';
import { updateItem } from './write';

export type UserTemplateInput = Pick<UserTemplate, 'name' | 'reportKinds' | 'sections'>;

export function listUserTemplates(): Promise<UserTemplate[]> {
  return readItem(templatesItem);
}

export async function getUserTemplate(id: string): Promise<UserTemplate | undefined> {
  return (await listUserTemplates()).find((template) => template.id === id);
}

/** Adds a template, or replaces the one with `id` (keeping its createdAt). */
export async function saveUserTemplate(
  input: UserTemplateInput & { id?: string },
  now = Date.now(),
): Promise<UserTemplate> {
  let saved: UserTemplate | undefined;
  await updateItem(templatesItem, (list) => {
    const existing = input.id ? list.find((template) => template.id === input.id) : undefined;
    saved = {
      id: input.id ?? `user-${crypto.randomUUID()}`,
      name: input.name.trim(),
      reportKinds: [...input.reportKinds],
      sections: structuredClone(input.sections),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    return existing ? list.map((template) => (template === existing ? saved! : template)) : [...list, saved];
  });
  return saved!;
}

export async function deleteUserTemplate(id: string): Promise<boolean> {
  let found = false;
  await updateItem(templatesItem, (list) => {
    const kept = list.filter((template) => template.id !== id);
    found = kept.length !== list.length;
    return found ? kept : list;
  });
  return found;
}

export async function requireUserTemplate(id: string): Promise<UserTemplate> {
  const template = await getUserTemplate(id);
  if (!template) throw new StorageNotFoundError('templates', id);
  return template;
}

export function watchUserTemplates(callback: (templates: UserTemplate[]) => void): () => void {
  return templatesItem.item.watch(() => {
    void listUserTemplates().then(callback);
  });
}
