import { useSiteProfileValue } from './useSiteProfileValue';

const NONE: Readonly<Record<string, string>> = {};

/** Field key → section id as the user set it for this site (字段 tab), kept current across tabs. */
export function useSiteMapping(origin: string): Readonly<Record<string, string>> {
  return useSiteProfileValue(origin, (profile) => profile?.fieldSectionMap ?? NONE)[0];
}
