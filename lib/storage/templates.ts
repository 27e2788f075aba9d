// User templates (derived from a sample report or edited copies). The built-in templates live in
// lib/core/template and are never stored; `sections` is that module's section shape, which storage keeps
// as bounded opaque data.
import { StorageNotFoundError } from './errors';
import { readItem, templatesItem } from './items';
import { getManagedConfig, isManagedId, MANAGED_ID_PREFIX, watchManaged, type ManagedConfig } from './managed';
import type { UserTemplate } from './schemas';
import { updateItem } from './write';

export type UserTemplateInput = Pick<UserTemplate, 'name' | 'reportKinds' | 'sections'>;

/** The unit's templates (单位统一配置) as list entries: read-only, marked `managed: true`, never stored. */
export function managedTemplates(config: ManagedConfig | undefined): UserTemplate[] {
  return (config?.templates ?? []).map((template) => {
    const listed: UserTemplate & { managed: true } = {
      id: MANAGED_ID_PREFIX + template.id,
      name: template.name,
      reportKinds: [...template.reportKinds],
      sections: structuredClone(template.sections) as UserTemplate['sections'],
      createdAt: 0,
      updatedAt: 0,
      managed: true,
    };
    return listed;
  });
}

/** The unit's templates first (isManaged() tells them apart), then the user's own. */
export async function listUserTemplates(): Promise<UserTemplate[]> {
  const [own, config] = await Promise.all([readItem(templatesItem), getManagedConfig()]);
  return [...managedTemplates(config), ...own];
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
    // A managed template's id is never taken by a user copy (an edited copy of one is the user's own).
    const id = input.id && (existing || !isManagedId(input.id)) ? input.id : undefined;
    saved = {
      id: id ?? `user-${crypto.randomUUID()}`,
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
  const reload = () => void listUserTemplates().then(callback);
  const stopOwn = templatesItem.item.watch(reload);
  const stopManaged = watchManaged(reload);
  return () => {
    stopOwn();
    stopManaged();
  };
}
