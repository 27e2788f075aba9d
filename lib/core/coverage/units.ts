// The kind of unit a report is written for (a 党支部, a school, a 社区 …), read from the places that name the unit:
// the title, the first sentence of the body and the last lines (the signature, 中共××小学支部委员会). Some topics
// do not apply to every unit (a 党支部 or a primary school has no 党委(党组)理论学习中心组), so coverage leaves
// them out where the unit is known. Conservative: a place that names both a branch and a committee (××小学党支部
// 在县委教育工委领导下) says nothing, and a place naming only a committee (××局党组) cancels branch and school.
import type { Topic, UnitType } from '../template/schema';

const BRANCH = /支部|党总支/;
/** Schools that normally have a 党支部; universities and colleges (大学, 学院) have 党委 and are left out. */
const SCHOOL = /中小学|小学(?!习)|(?<![集习其从])中学(?![习到])|幼儿园|学校|职校|职中/;
const HIGHER_EDUCATION = /大学|学院|高校|高等/;
const COMMUNITY = /社区|村委|村党|居委会|村民委员会/;
const STREET = /街道|乡镇|镇党委|乡党委/;
const ENTERPRISE = /公司|集团|企业/;
const ORGAN = /机关|[厅局]党组|[厅局]机关|委员会办公室/;
/**
 * A committee that does have a 中心组: 党委, 党组 (not 党组织), 党工委; not the one above (上级党委, 在县教育党工委
 * 正确领导下).
 */
const COMMITTEE = /(?:(?<!上级)党委(?!书记)|(?<!上级)党组(?!织)|党工委)(?![^，。,]{0,8}(?:领导下|指导下))/;
/** The generic name in 党委（党组）意识形态工作责任制, which names no unit. */
const GENERIC = /党委[（(]党组[）)]|党组[（(]党委[）)]/g;
/** Where a unit is named: at most this many characters of each place are read. */
const HEAD_CHARS = 120;

/** The unit types the places say for sure; empty when nothing is sure. */
export function unitTypes(places: readonly string[]): Set<UnitType> {
  const types = new Set<UnitType>();
  let committee = false;
  for (const raw of places) {
    const place = raw.slice(0, HEAD_CHARS).replace(GENERIC, '');
    if (place.trim() === '') continue;
    const higher = COMMITTEE.test(place);
    const branch = BRANCH.test(place);
    const school = SCHOOL.test(place) && !HIGHER_EDUCATION.test(place);
    if (higher && !branch && !school) committee = true;
    if (!higher && branch) types.add('branch');
    if (!higher && school) types.add('school');
    if (COMMUNITY.test(place)) types.add('community');
    if (STREET.test(place)) types.add('street');
    if (ENTERPRISE.test(place)) types.add('enterprise');
    if (ORGAN.test(place)) types.add('organ');
  }
  if (committee) {
    types.delete('branch');
    types.delete('school');
  }
  return types;
}

/**
 * Whether a topic applies to a report of these unit types: not when a `notFor` type is known; for a topic with
 * `units`, only when one of them is known (an unknown unit is not asked for a branch's topic).
 */
export function topicApplies(topic: Topic, types: ReadonlySet<UnitType>): boolean {
  if (topic.notFor?.some((type) => types.has(type))) return false;
  if (topic.units && !topic.units.some((type) => types.has(type))) return false;
  return true;
}
