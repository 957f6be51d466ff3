// Extracts from the minutes (выписка из протокола): one per responsible body, as a secretariat sends
// them out after a meeting — the header, the items with that body's decisions, and the certifying
// line «Выписка верна» with the secretary and the date.
import { formatDate } from '../locale/dates';
import type { Block, ExportDocument } from './document.schema';
import { decisionBlocks, minutesFileStem, minutesHeader, type MinutesExportInput } from './minutes-document';
import { pageFor, wordingFor } from './export-settings';

const WORDS = {
  ru: { title: 'ВЫПИСКА ИЗ ПРОТОКОЛА', certified: 'Выписка верна', to: 'Кому' },
  kk: { title: 'ХАТТАМАДАН ҮЗІНДІ', certified: 'Үзінді дұрыс', to: 'Кімге' },
} as const;

/** One extract per responsible body named in the decisions, in the order bodies first appear. */
export function buildExtractDocuments(input: MinutesExportInput & { certifiedOn: string }): ExportDocument[] {
  const { outline, settings } = input;
  const w = wordingFor(settings, outline.lang);
  const words = WORDS[outline.lang];
  const bodies: string[] = [];
  for (const item of outline.items) for (const d of item.decisions) for (const r of d.responsible) if (!bodies.includes(r)) bodies.push(r);

  return bodies.map((body) => {
    const blocks: Block[] = [...minutesHeader(outline, settings, words.title)];
    blocks.push({ type: 'paragraph', runs: [{ text: `${words.to}: `, bold: true }, { text: body }], spaceBefore: 12 });
    for (const item of outline.items) {
      const mine = { ...item, decisions: item.decisions.filter((d) => d.responsible.includes(body)) };
      if (!mine.decisions.length) continue;
      blocks.push({ type: 'heading', level: 2, runs: [{ text: `${item.number}. ${item.title}`, bold: true }], align: 'center' });
      blocks.push({ type: 'paragraph', runs: [{ text: `${w.decided}:`, bold: true }], keepWithNext: true });
      blocks.push(...decisionBlocks(outline, settings, mine));
    }
    blocks.push({ type: 'paragraph', runs: [{ text: `${words.certified}:`, bold: true }], spaceBefore: 24, keepWithNext: true });
    blocks.push({ type: 'signatures', rows: [{ role: w.secretary, name: outline.secretary?.name ?? '' }] });
    blocks.push({ type: 'paragraph', runs: [{ text: formatDate(input.certifiedOn) }], spaceBefore: 6 });
    return {
      kind: 'extract' as const,
      lang: outline.lang,
      title: `${words.title} ${outline.number}, ${outline.date} — ${body}`,
      fileStem: minutesFileStem(outline.lang, input.meetingNumber, input.meetingDate, 'extract', body.slice(0, 80)),
      source: { id: input.minutesId, revision: input.revision },
      page: pageFor(settings, outline.lang),
      pageLabel: '',
      blocks,
    };
  });
}
