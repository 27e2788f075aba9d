// `tianbao check FILE --previous OLD.txt --refs DIR`: how much of the report is copied (issue 13 item 5) — the
// share identical to last period's report (上期重复率) and to the sample texts (范文相似度: the shipped sample
// corpus plus every .txt/.md file in DIR), with the copied passages located by line.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { corpusReferences } from '../core/references/corpus';
import { compareTexts, compareWithIndex, formatShare, indexReferences, type Reference, type SimilarityResult } from '../core/similarity';
import { t, type Language, type MessageParams } from '../i18n';
import { decodeReport } from './decode';

export interface CopiesInput {
  previous?: { file: string; text: string };
  references?: Reference[];
}

export interface Copies {
  previous?: SimilarityResult & { file: string };
  references?: SimilarityResult & { titles: string[] };
}

type Fail = { messageId: string; params: MessageParams };

/** Reads a report file (any encoding decodeReport reads), or the reason it cannot. */
async function readReport(file: string): Promise<string | Fail> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { messageId: 'cli.error.unreadable', params: { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
  const decoded = decodeReport(bytes);
  return decoded.ok ? decoded.text : { messageId: `cli.error.${decoded.reason}`, params: { file } };
}

/** The shipped references and every readable .txt/.md file of `dir` (sorted by name); others are skipped. */
export async function readReferences(dir: string, warn: (message: Fail) => void): Promise<Reference[] | Fail> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ['.txt', '.md'].includes(extname(n).toLowerCase())).sort();
  } catch (error) {
    return { messageId: 'cli.error.unreadable', params: { file: dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
  const references: Reference[] = [...corpusReferences];
  for (const name of names) {
    const text = await readReport(join(dir, name));
    if (typeof text === 'string') references.push({ id: name, title: name, text });
    else warn(text);
  }
  return references;
}

export async function readPrevious(file: string): Promise<{ file: string; text: string } | Fail> {
  const text = await readReport(file);
  return typeof text === 'string' ? { file, text } : text;
}

export function measureCopies(text: string, input: CopiesInput): Copies {
  const out: Copies = {};
  if (input.previous) out.previous = { ...compareTexts(text, input.previous.text), file: input.previous.file };
  if (input.references) {
    out.references = { ...compareWithIndex(text, indexReferences(input.references)), titles: input.references.map((r) => r.title) };
  }
  return out;
}

/** The --json addition: `copies: {previous?, references?}` with offsets into the decoded texts. */
export function copiesJson(copies: Copies): unknown {
  const passages = (r: SimilarityResult, names?: string[]) =>
    r.passages.map((p) => ({
      start: p.start,
      end: p.end,
      ...(names ? { reference: names[p.ref] } : {}),
      refStart: p.refStart,
      refEnd: p.refEnd,
    }));
  return {
    ...(copies.previous ? { previous: { file: copies.previous.file, share: copies.previous.share, passages: passages(copies.previous) } } : {}),
    ...(copies.references
      ? {
          references: {
            share: copies.references.share,
            byReference: copies.references.byReference.map((b) => ({ reference: copies.references!.titles[b.ref], share: b.share })),
            passages: passages(copies.references, copies.references.titles),
          },
        }
      : {}),
  };
}

const lineOf = (text: string, offset: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

const preview = (text: string) => (text.length > 36 ? `${text.slice(0, 16)}……${text.slice(-16)}` : text).replace(/\s+/g, ' ');

/** The human lines: a heading with the share, then each passage with its line and its source's line. */
export function copiesText(text: string, copies: Copies, input: CopiesInput, lang: Language): string[] {
  const msg = (id: string, params?: MessageParams) => t(id, params, lang);
  const out: string[] = [];
  const list = (result: SimilarityResult, sourceText: (ref: number) => string, sourceName: (ref: number) => string) => {
    for (const p of result.passages) {
      out.push(
        msg('cli.copies.passage', {
          line: lineOf(text, p.start),
          chars: p.length,
          text: preview(text.slice(p.start, p.end)),
          source: sourceName(p.ref),
          sourceLine: lineOf(sourceText(p.ref), p.refStart),
        }),
      );
    }
  };
  if (copies.previous && input.previous) {
    out.push('', `== ${msg('cli.copies.previous', { share: formatShare(copies.previous.share), file: copies.previous.file })}`);
    if (copies.previous.passages.length === 0) out.push(msg('cli.copies.none'));
    list(copies.previous, () => input.previous!.text, () => copies.previous!.file);
  }
  if (copies.references && input.references) {
    const refs = input.references;
    out.push('', `== ${msg('cli.copies.references', { share: formatShare(copies.references.share), count: refs.length })}`);
    if (copies.references.passages.length === 0) out.push(msg('cli.copies.none'));
    for (const b of copies.references.byReference) out.push(msg('cli.copies.byReference', { reference: refs[b.ref]!.title, share: formatShare(b.share) }));
    list(copies.references, (ref) => refs[ref]!.text, (ref) => refs[ref]!.title);
  }
  return out;
}
