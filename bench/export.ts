// Export benchmarks (Node): minutes of about 30 pages, from the stored records and Yjs updates to
// DOCX and PDF bytes; our PDF time against LibreOffice converting our DOCX (a new process, as a
// user runs it); the briefing pack with 10 projects as PDF.
// Prints one JSON line per figure: {"name","value","unit"}.  Run: npx tsx bench/export.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { buildMinutesOutline } from '../shared/domain/minutes-outline';
import { buildBilingualMinutesDocument, buildMinutesDocument, type MinutesExportInput } from '../shared/export/minutes-document';
import { fragmentBlocks } from '../shared/export/rich-text';
import { DEFAULT_EXPORT_SETTINGS } from '../shared/export/export-settings';
import { buildPackDocument } from '../shared/export/pack-document';
import { renderExport } from '../electron/main/export/render-node.service';
import { fixtureMeeting } from '../tests/integration/export/fixture';
import { fixturePack } from '../tests/integration/export/pack-fixture';
import { median, report } from './support';

// ~30 pages: 28 agenda items, 3 decisions each, 4 paragraphs heard per item, 12 present.
const f = fixtureMeeting({ items: 28, decisionsPerItem: 3, paragraphsPerPart: 4, participants: 12 });
const stored = { ru: Y.encodeStateAsUpdate(f.docs.ru), kk: Y.encodeStateAsUpdate(f.docs.kk) };

function inputFromStored(lang: 'ru' | 'kk'): MinutesExportInput {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored[lang]);
  return {
    outline: buildMinutesOutline(f.input(lang)), meetingDate: f.meeting.date, meetingNumber: f.meeting.number,
    minutesId: '0190a000-0000-7000-8000-00000000abcd', revision: 1,
    parts: (field) => fragmentBlocks(doc.getXmlFragment(field)), settings: DEFAULT_EXPORT_SETTINGS,
  };
}

function minutesFromStored() {
  return buildMinutesDocument(inputFromStored('ru'));
}

/** The same minutes in both languages, side by side in two columns (about twice the pages). */
function columnsFromStored() {
  return buildBilingualMinutesDocument(inputFromStored('ru'), inputFromStored('kk'));
}

/** Median wall time of `runs` calls; `cpu` gets the median process CPU time (all threads, GC included). */
async function timed(fn: () => Promise<unknown>, runs: number, cpu?: (ms: number) => void): Promise<number> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  cpu?.(median(cpus));
  return median(times);
}

const dir = mkdtempSync(path.join(tmpdir(), 'hattama-bench-export-'));
try {
  // Warm up (fonts read, modules loaded).
  const docx = await renderExport(minutesFromStored(), 'docx');
  const pdf = await renderExport(minutesFromStored(), 'pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1] ?? 0);
  console.error(`minutes: ${pages} PDF pages`);

  // Wall time is the goal's figure; CPU time beside it tells a slow algorithm from a busy machine
  // (on 2 shared cores the wall time of the same run doubles under load while its CPU time holds).
  let docxCpu = 0;
  report('export.docx_30p_ms', await timed(() => renderExport(minutesFromStored(), 'docx'), 7, (ms) => { docxCpu = ms; }), 'ms', 3);
  report('export.docx_30p_cpu_ms', docxCpu, 'ms', 3);
  let pdfCpu = 0;
  const pdfMs = await timed(() => renderExport(minutesFromStored(), 'pdf'), 7, (ms) => { pdfCpu = ms; });
  report('export.pdf_30p_ms', pdfMs, 'ms', 3);
  report('export.pdf_30p_cpu_ms', pdfCpu, 'ms', 3);

  // The two-column minutes (Russian and Kazakh side by side) of the same meeting: no goal of their
  // own; shown beside the one-language figures.
  const columnsPdf = await renderExport(columnsFromStored(), 'pdf');
  console.error(`minutes in two columns: ${Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: columnsPdf, encoding: 'utf8' }))?.[1] ?? 0)} PDF pages`);
  report('export.docx_columns_30p_ms', await timed(() => renderExport(columnsFromStored(), 'docx'), 5), 'ms', 3);
  report('export.pdf_columns_30p_ms', await timed(() => renderExport(columnsFromStored(), 'pdf'), 5), 'ms', 3);

  const docxPath = path.join(dir, 'minutes.docx');
  writeFileSync(docxPath, docx);
  const lo = await timed(async () => {
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), docxPath], { stdio: 'pipe' });
  }, 3);
  report('export.libreoffice_30p_ms', lo, 'ms', 3);
  report('export.pdf_vs_libreoffice_ratio', pdfMs / lo, 'ratio', 3);

  const pack = fixturePack(10);
  await renderExport(buildPackDocument(pack), 'pdf');
  report('export.pack_10_projects_ms', await timed(() => renderExport(buildPackDocument(pack), 'pdf'), 5), 'ms', 3);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
