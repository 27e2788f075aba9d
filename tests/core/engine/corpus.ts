// The corpus's five reports, cut at the boundaries read off the text: report A (a county web office, 上半年) runs
// to the "- 范文问答 / - 答案列表" cruft; B starts at its title line 关于2021年学校…[朗读] and is pasted twice; C (a
// township, 一是…三是) starts where B's second copy ends and repeats its sections 二、三、 after a stray copy of
// its 一、 paragraph; D (an essay-style piece, 一要…三要) is pasted twice; E (a 商务局 report) is pasted twice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = '000_037b8862a6aab3ed.txt';
const inRepo = fileURLToPath(new URL(`../../fixtures/corpus/${FILE}`, import.meta.url));
export const CORPUS_PATH = inRepo;
export const corpus = readFileSync(CORPUS_PATH, 'utf8');
export const corpusLines = corpus.split('\n');

/** 1-based, inclusive line ranges of each report in the corpus file. */
export const REPORTS = { A: [1, 19], B: [20, 45], C: [46, 70], D: [71, 123], E: [124, 144] } as const;
export type ReportId = keyof typeof REPORTS;

export function report(id: ReportId): string {
  const [from, to] = REPORTS[id];
  return corpusLines.slice(from - 1, to).join('\n');
}

/** Lines [from, to] (1-based, inclusive) of one report. */
export function reportLines(id: ReportId, from: number, to: number): string[] {
  return report(id).split('\n').slice(from - 1, to);
}

/** Report E once, without its pasted second copy. */
export const reportE = () => report('E').split('\n').slice(0, 11).join('\n');
