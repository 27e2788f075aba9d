// Importing a verified pack (pack-verify.ts) into the user's own items: its snippets, templates and 本单位规范写法
// entries become the user's (editable, not managed). Importing the same pack again updates rather than
// duplicates: a snippet with the same folder and title, a template with the same name, an entry with the same
// wrong wording are replaced or kept. Each item is written in one validated write (write.ts).
import { settingsItem, snippetsItem, templatesItem } from './items';
import { getManagedConfig, isManagedId, managedTemplateData } from './managed';
import { verifyPack, type PackBody, type PackResult } from './pack-verify';
import type { Snippet, UserTemplate } from './schemas';
import { extractVariables } from './snippets';
import { updateItem } from './write';

export interface PackImportSummary {
  name: string;
  templates: number;
  snippets: number;
  entries: number;
}

/** Verifies `text` under the unit's pinned key (if its policy has one); the result says why a pack is refused. */
export async function checkPackFile(text: string, now = new Date()): Promise<PackResult> {
  const config = await getManagedConfig();
  return verifyPack(text, { pinnedKey: config?.packKey, now });
}

const clean = (items: readonly string[]) => [...new Set(items.map((item) => item.trim()).filter(Boolean))];

export async function importPack(pack: PackBody, now = Date.now()): Promise<PackImportSummary> {
  const content = pack.content;
  const folderOf = (folder: string) => folder.trim() || pack.name;

  if (content.snippets.length > 0) {
    await updateItem(snippetsItem, (list) => {
      const next = [...list];
      for (const input of content.snippets) {
        const body = input.body.replace(/\r\n?/g, '\n');
        const folder = folderOf(input.folder);
        const fields = {
          title: input.title,
          body,
          folder,
          tags: clean(input.tags),
          sectionIds: clean(input.sectionIds),
          variables: extractVariables(body),
        };
        const index = next.findIndex((s) => s.folder === folder && s.title === input.title);
        if (index >= 0) next[index] = { ...next[index]!, ...fields, updatedAt: now };
        else {
          const snippet: Snippet = { id: crypto.randomUUID(), ...fields, siteValues: {}, useCount: 0, lastUsedAt: null, createdAt: now, updatedAt: now };
          next.push(snippet);
        }
      }
      return next;
    });
  }

  if (content.templates.length > 0) {
    await updateItem(templatesItem, (list) => {
      const next = [...list];
      for (const input of content.templates) {
        const data = managedTemplateData(input);
        const index = next.findIndex((t) => t.name === input.name && !isManagedId(t.id));
        const template: UserTemplate = {
          id: index >= 0 ? next[index]!.id : `user-${crypto.randomUUID()}`,
          name: input.name,
          reportKinds: [...input.reportKinds],
          sections: structuredClone(data.sections) as UserTemplate['sections'],
          createdAt: index >= 0 ? next[index]!.createdAt : now,
          updatedAt: now,
        };
        if (index >= 0) next[index] = template;
        else next.push(template);
      }
      return next;
    });
  }

  let entries = 0;
  if (content.entries.length > 0 || content.disabledRules.length > 0 || content.disabledEntries.length > 0) {
    await updateItem(settingsItem, (settings) => {
      const userEntries = [...settings.rules.userEntries];
      const used = new Set(userEntries.map((e) => e.id));
      let n = userEntries.length + 1;
      entries = 0;
      for (const entry of content.entries) {
        if (userEntries.some((e) => e.wrong === entry.wrong)) continue;
        while (used.has(`user-${n}`)) n++;
        used.add(`user-${n}`);
        userEntries.push({ id: `user-${n}`, wrong: entry.wrong, right: entry.right, ...(entry.note ? { note: entry.note } : {}) });
        entries++;
      }
      return {
        ...settings,
        rules: {
          ...settings.rules,
          userEntries,
          disabledRules: [...new Set([...settings.rules.disabledRules, ...content.disabledRules])],
          disabledEntries: [...new Set([...settings.rules.disabledEntries, ...content.disabledEntries])],
        },
      };
    });
  }
  return { name: pack.name, templates: content.templates.length, snippets: content.snippets.length, entries };
}
