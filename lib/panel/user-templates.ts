// User templates (derived from a sample report on the options page) are stored with their sections as opaque,
// size-bounded JSON; here they become engine templates again, validated by the engine's own schema, so that a
// damaged or hand-edited one is skipped rather than trusted.
import { parseTemplate, TEMPLATE_SCHEMA_VERSION, type Template } from '../core/template';
import type { UserTemplate } from '../storage';

export function toEngineTemplate(user: UserTemplate): Template | undefined {
  const parsed = parseTemplate({
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id: user.id,
    version: 1,
    name: user.name,
    kinds: user.reportKinds.length > 0 ? user.reportKinds : [user.name],
    variant: 'derived',
    sections: user.sections,
  });
  return parsed.ok ? parsed.template : undefined;
}

export function toEngineTemplates(users: readonly UserTemplate[]): Template[] {
  return users.map(toEngineTemplate).filter((t): t is Template => t !== undefined);
}
