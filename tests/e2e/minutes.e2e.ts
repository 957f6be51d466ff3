// The minutes (протокол) as the clerk writes them in Chromium: the demo session's minutes open as
// one document generated from the records; a part beyond the first screen shows its text before its
// editor is made, and clicking it makes the editor with the caret at the click; what is typed
// survives a killed page; decisions are
// written with responsible bodies, deadlines and projects and survive a reload; agreeing lists what
// is missing; signing makes them read-only and a correction opens a new revision; the Kazakh
// version has its own headings; a huge paste is refused and pasted HTML neither runs nor loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openDemoRegister, scrollIntoViewSettled, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';

let app: DemoRegister;
let page: Page;
let minutesUrl = '';

const AKIM_WORDS = 'главная задача – превратить специальную экономическую зону «Актобе»';
const KILLED_TEXT = 'Слушали руководителя управления предпринимательства о ходе реализации проектов.';
const HEARD_TEXT = 'Слушали руководителя управления промышленности.';

/** Chromium started here on a profile folder (so its storage outlives it), and a way to SIGKILL it. */
async function launchOwnChromium(profile: string): Promise<{ browser: Browser; page: (fresh?: boolean) => Promise<Page>; kill: () => Promise<void> }> {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`Chromium exited: ${out.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    browser,
    /** The first tab, or (`fresh`) a new one — not a tab the browser may be restoring. */
    page: async (fresh = false) => {
      const context = browser.contexts()[0] ?? (await browser.newContext());
      return (!fresh && context.pages()[0]) || context.newPage();
    },
    kill: async () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}

async function openMinutes(p: Page = page) {
  await p.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
}
/** The agenda item of the six projects (the demo's second question). */
function projectsItem(p: Page = page): Locator {
  return p.getByTestId('minutes-item').nth(1);
}
function decisionRows(p: Page = page): Locator {
  return projectsItem(p).getByTestId('decision-row');
}
/** Picks an option of an open Mantine combobox by its text. */
async function pickOption(name: string | RegExp) {
  await page.getByRole('option', { name }).first().click();
}

/** Writes a new decision in the projects item and waits until it is stored (a row of its own). */
async function addDecision(text: string) {
  const before = await decisionRows().count();
  await projectsItem().getByTestId('decision-add').click();
  const field = projectsItem().getByTestId('decision-new-text');
  await field.fill(text);
  await field.press('Tab');
  await expect.poll(() => decisionRows().count()).toBe(before + 1);
  return decisionRows().nth(before);
}

async function setResponsible(row: Locator, org: string) {
  await row.getByTestId('decision-responsible').click();
  await row.getByTestId('decision-responsible').pressSequentially(org.slice(0, 8));
  await pickOption(org);
  await row.getByTestId('decision-responsible').press('Escape');
}

/** Leaves only `project` among the decision's projects (it starts with all of the item's). */
async function setOnlyProject(row: Locator, project: string) {
  const input = row.getByTestId('decision-projects');
  await input.click();
  for (let i = 0; i < 8; i++) await input.press('Backspace');
  await expect.poll(() => row.locator('.minutes-decision-projects .mantine-Pill-root').count()).toBe(0);
  await input.pressSequentially(project.slice(0, 12));
  await pickOption(project);
  await input.press('Escape');
}

async function setWorkdays(row: Locator, days: string) {
  await row.getByTestId('decision-deadline-kind').click();
  await pickOption(/рабочих дней/);
  await row.getByTestId('decision-deadline-days').fill(days);
  await row.getByTestId('decision-deadline-days').press('Enter');
}

async function setDate(row: Locator, date: string) {
  await row.getByTestId('decision-deadline-kind').click();
  await pickOption('До даты');
  await row.getByTestId('decision-deadline-date').fill(date);
  await row.getByTestId('decision-deadline-date').press('Enter');
}

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister({ width: 1366, height: 900 });
  ({ page } = app);
  // From the meetings list to the demo session, and from its page to its minutes — as a clerk goes.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-open').first().click();
  await page.getByTestId('meeting-minutes').click();
  await openMinutes();
  minutesUrl = page.url();
});

afterAll(async () => {
  await app?.close();
});

describe('minutes editor', () => {
  it('shows the demo session as one document built from its records', async () => {
    expect(minutesUrl).toMatch(/#\/meetings\/[0-9a-f-]+\/minutes$/);
    const doc = page.getByTestId('minutes-document');
    await expect.poll(() => page.getByTestId('minutes-title').textContent()).toBe('ПРОТОКОЛ');
    const text = (await doc.textContent()) ?? '';
    expect(text).toContain('Региональный инвестиционный штаб Актюбинской области');
    expect(text).toContain('Председательствующий: Асхат Шахаров');
    expect(await page.getByTestId('minutes-present').textContent()).toContain('Марат Абишев — прокурор Актюбинской области');
    const agenda = (await page.getByTestId('minutes-agenda').textContent()) ?? '';
    expect(agenda).toMatch(/ПОВЕСТКА ДНЯ:\s*1\. О развитии специальной экономической зоны «Актобе»/);
    expect(agenda).toContain('2. О инвестиционных проектах');
    // The akim's words the demo stored under ВЫСТУПИЛИ of the first question, in its editor.
    expect(await page.getByTestId('minutes-item').first().getByTestId('part-spoke').textContent()).toContain(AKIM_WORDS);
    // The one decision the text reports, numbered 2.1, without a responsible body yet.
    const first = decisionRows().first();
    expect(await first.getAttribute('data-number')).toBe('2.1');
    expect(await first.getByTestId('decision-text').inputValue()).toBe('Представленные инвестиционные проекты дополнительно изучить.');
    expect(await first.textContent()).toContain('Укажите ответственный орган');
    expect(await page.getByTestId('minutes-signatures').textContent()).toMatch(/Председательствующий.*Асхат Шахаров.*Секретарь/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tmp/screens/minutes-e2e-open.png' });
  });

  it('a part far below shows its text at once and becomes an editor where it is clicked', async () => {
    // A short window: nothing of the text parts is on screen or one screen below on opening. The
    // clerk "types" all along (a key every 0.1 s in the document), so the parts not on screen wait.
    const p = await page.context().newPage();
    try {
      await p.setViewportSize({ width: 1366, height: 360 });
      await p.addInitScript(() => {
        const press = () => document.querySelector('[data-testid=minutes-document]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }));
        const observer = new MutationObserver(press);
        observer.observe(document, { childList: true, subtree: true });
        const timer = setInterval(press, 100);
        (window as unknown as { __stopTyping: () => void }).__stopTyping = () => {
          observer.disconnect();
          clearInterval(timer);
        };
      });
      await p.goto(minutesUrl);
      await openMinutes(p);
      const spoke = p.getByTestId('minutes-item').first().getByTestId('part-spoke');
      // Its stored text, read-only, before any editor is made for it.
      expect(await spoke.getAttribute('contenteditable')).toBeNull();
      expect(await spoke.getAttribute('data-preview')).not.toBeNull();
      const before = (await spoke.textContent()) ?? '';
      expect(before).toContain(AKIM_WORDS);
      await spoke.scrollIntoViewIfNeeded();
      expect(await spoke.getAttribute('data-preview')).not.toBeNull();

      // A click in the middle of «специальную» makes the editor, focused, with the caret in that word.
      const word = 'специальную';
      const box = await spoke.evaluate((el, w) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent?.indexOf(w) ?? -1;
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + w.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      }, word);
      expect(box).not.toBeNull();
      await p.mouse.click(box?.x ?? 0, box?.y ?? 0);
      await expect.poll(() => spoke.getAttribute('contenteditable')).toBe('true');
      expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('part-spoke');
      await p.keyboard.type('Ж');
      const after = (await spoke.textContent()) ?? '';
      const start = before.indexOf(word);
      expect(after.replace('Ж', '')).toBe(before);
      expect(after.indexOf('Ж')).toBeGreaterThan(start);
      expect(after.indexOf('Ж')).toBeLessThan(start + word.length);
      await p.keyboard.press('Backspace');
      await expect.poll(() => spoke.textContent()).toBe(before);

      // When the clerk stops typing, every part gets its editor.
      await p.evaluate(() => (window as unknown as { __stopTyping: () => void }).__stopTyping());
      await p.locator('[data-testid=minutes-document][data-all-editable]').waitFor({ timeout: 30_000 });
      expect(await p.locator('[data-testid=minutes-paper] [data-preview]').count()).toBe(0);
      expect(await p.locator('[data-testid=minutes-paper] .ProseMirror[contenteditable=true]').count()).toBe(6);
    } finally {
      await p.close();
    }
  });

  it('keeps what was typed when the browser is killed 1 s later (the issue allows losing at most the last second)', async () => {
    // A browser of its own on a profile folder, killed with SIGKILL: no pagehide, no unload —
    // only what the editor had already stored survives.
    const dir = mkdtempSync(join(tmpdir(), 'hattama-minutes-kill-'));
    let own: Awaited<ReturnType<typeof launchOwnChromium>> | undefined;
    try {
      own = await launchOwnChromium(dir);
      let p = await own.page();
      await p.goto(app.web.url);
      await p.getByTestId('load-demo').click();
      await p.getByTestId('board-row').first().waitFor();
      await p.getByTestId('nav-meetings').click();
      await p.getByTestId('meeting-open').first().click();
      await p.getByTestId('meeting-minutes').click();
      await openMinutes(p);
      const url = p.url();
      const heard = projectsItem(p).getByTestId('part-heard');
      await scrollIntoViewSettled(heard);
      // On screen it is an editor (made on opening, or as it neared the screen), not text drawn while waiting.
      await expect.poll(() => heard.getAttribute('contenteditable')).toBe('true');
      await heard.click();
      await p.keyboard.type(KILLED_TEXT);
      await p.waitForTimeout(1000);
      await own.kill();

      own = await launchOwnChromium(dir);
      p = await own.page(true);
      await p.goto(url);
      await openMinutes(p);
      expect(await projectsItem(p).getByTestId('part-heard').textContent()).toBe(KILLED_TEXT);
    } finally {
      await own?.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes three decisions for two projects with responsible bodies and deadlines; all of it survives a reload', async () => {
    const pipes = 'Завод по производству пластиковых труб';
    const gas = 'Завод по производству гидросульфида натрия';

    const d1 = await addDecision('Оказать содействие в оформлении земельного участка.');
    await setResponsible(d1, 'Акимат Актюбинской области');
    await setWorkdays(d1, '10');
    await setOnlyProject(d1, pipes);

    const d2 = await addDecision('Обеспечить подключение к сетям газоснабжения.');
    expect(await d2.textContent()).toContain('Укажите ответственный орган');
    // A new state body, added right here, becomes responsible.
    await d2.getByTestId('decision-add-org').click();
    await page.getByTestId('decision-org-name').fill('Управление энергетики и ЖКХ Актюбинской области');
    await page.getByTestId('decision-org-name').press('Enter');
    await expect.poll(() => d2.locator('.minutes-responsible .mantine-Pill-root', { hasText: 'Управление энергетики' }).count()).toBe(1);
    // A deadline before the meeting is refused at the field.
    await setDate(d2, '01.01.2020');
    await expect.poll(() => d2.textContent()).toContain('Срок раньше даты заседания');
    await d2.getByTestId('decision-deadline-date').fill('31.12.2030');
    await d2.getByTestId('decision-deadline-date').press('Enter');
    await expect.poll(() => d2.textContent()).not.toContain('Срок раньше даты заседания');
    await setOnlyProject(d2, gas);

    const d3 = await addDecision('Рассмотреть меры государственной поддержки.');
    await setResponsible(d3, 'Акимат Актюбинской области');
    await d3.getByTestId('decision-deadline-kind').click();
    await pickOption('Ежеквартально');
    await setOnlyProject(d3, pipes);

    await projectsItem().getByTestId('part-heard').click();
    await page.keyboard.type(HEARD_TEXT);
    expect(await decisionRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['2.1', '2.2', '2.3', '2.4']);
    await expect.poll(() => d1.getByTestId('decision-deadline-due').count()).toBe(1);
    await page.screenshot({ path: 'tmp/screens/minutes-e2e-decisions.png', fullPage: false });

    await page.reload();
    await openMinutes();
    const rows = decisionRows();
    expect(await rows.count()).toBe(4);
    const texts = await rows.getByTestId('decision-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(texts.slice(1)).toEqual(['Оказать содействие в оформлении земельного участка.', 'Обеспечить подключение к сетям газоснабжения.', 'Рассмотреть меры государственной поддержки.']);
    const [r1, r2, r3] = [rows.nth(1), rows.nth(2), rows.nth(3)];
    // The rows' selects are made a moment after the page shows (a text summary stands in until then).
    for (const r of [r1, r2, r3]) await r.getByTestId('decision-deadline-kind').waitFor();
    const pills = (row: Locator, box: string) => row.locator(`.${box} .mantine-Pill-root`).allTextContents();
    expect(await pills(r1, 'minutes-responsible')).toEqual(['Акимат Актюбинской области']);
    expect(await pills(r1, 'minutes-decision-projects')).toEqual([pipes]);
    expect(await r1.getByTestId('decision-deadline-days').inputValue()).toBe('10');
    expect(await r1.getByTestId('decision-deadline-due').textContent()).toMatch(/^до \d\d\.\d\d\.\d{4}$/);
    expect(await pills(r2, 'minutes-responsible')).toEqual(['Управление энергетики и ЖКХ Актюбинской области']);
    expect(await pills(r2, 'minutes-decision-projects')).toEqual([gas]);
    expect(await pills(r3, 'minutes-decision-projects')).toEqual([pipes]);
    expect(await r2.getByTestId('decision-deadline-date').inputValue()).toBe('31.12.2030');
    expect(await r3.getByTestId('decision-deadline-kind').inputValue()).toBe('Ежеквартально');
    expect(await projectsItem().getByTestId('part-heard').textContent()).toBe(HEARD_TEXT);
  });

  it('agreeing lists the decisions that lack a responsible body or deadline and leads to them', async () => {
    await page.getByTestId('minutes-agree').click();
    const problems = page.getByTestId('minutes-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('решение 2.1: не указан ответственный орган');
    expect(await problems.textContent()).toContain('решение 2.1: не указан срок');
    expect(await page.getByTestId('minutes-status').getAttribute('data-status')).toBe('draft');
    await problems.getByTestId('minutes-problem').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^decision-responsible-/);

    const first = decisionRows().first();
    await setResponsible(first, 'Акимат Актюбинской области');
    await first.getByTestId('decision-deadline-kind').click();
    await pickOption('Постоянно');
    // The list follows the fixes and goes away when nothing is left.
    await expect.poll(() => problems.count()).toBe(0);
    await page.getByTestId('minutes-agree').click();
    await expect.poll(() => page.getByTestId('minutes-status').getAttribute('data-status')).toBe('agreed');
  });

  it('signed minutes are read-only; a correction makes a new draft revision that starts from the signed text', async () => {
    await page.getByTestId('minutes-sign').click();
    await page.getByTestId('minutes-sign-confirm').click();
    await expect.poll(() => page.getByTestId('minutes-status').getAttribute('data-status')).toBe('signed');
    await page.getByTestId('minutes-signed-banner').waitFor();
    expect(await page.locator('.ProseMirror[contenteditable=true]').count()).toBe(0);
    expect(await page.getByTestId('decision-row').count()).toBe(0);
    const signed = (await projectsItem().getByTestId('decision-signed').allTextContents()).join('\n');
    expect(signed).toContain('2.2. Оказать содействие в оформлении земельного участка.');
    expect(signed).toContain('Ответственные: Акимат Актюбинской области.');
    expect(signed).toMatch(/Срок: в течение 10 рабочих дней \(до \d\d\.\d\d\.\d{4}\)\./);
    await page.screenshot({ path: 'tmp/screens/minutes-e2e-signed.png' });

    await page.getByTestId('minutes-correct').click();
    await page.getByTestId('minutes-correct-confirm').click();
    expect(await page.getByRole('dialog').textContent()).toContain('Обязательное поле');
    await page.getByTestId('minutes-correct-reason').fill('Уточнён состав ответственных');
    await page.getByTestId('minutes-correct-confirm').click();
    await expect.poll(() => page.getByTestId('minutes-status').getAttribute('data-status')).toBe('draft');
    await openMinutes();
    expect(await page.getByTestId('minutes-correction').textContent()).toContain('Уточнён состав ответственных');
    const heard = projectsItem().getByTestId('part-heard');
    expect(await heard.textContent()).toBe(HEARD_TEXT);
    await heard.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Дополнение второй редакции.');
    await page.waitForTimeout(400);

    // The signed revision, from the revisions menu: as it was signed, read-only.
    await page.getByTestId('minutes-revisions').click();
    await page.getByTestId('minutes-revision-item').nth(1).click();
    await page.getByTestId('minutes-old-revision').waitFor();
    await openMinutes();
    expect(await projectsItem().getByTestId('part-heard').textContent()).not.toContain('Дополнение второй редакции');
    expect(await page.locator('.ProseMirror[contenteditable=true]').count()).toBe(0);
  });

  it('the Kazakh version: its own headings, Kazakh decision texts, the same structure', async () => {
    // From the old revision back to the current one (the correction's draft).
    await page.getByTestId('minutes-to-current').click();
    await page.getByTestId('minutes-add-kk').click();
    await page.locator('[data-testid=minutes-document][data-lang=kk][data-editable]').waitFor();
    expect(await page.getByTestId('minutes-title').textContent()).toBe('ХАТТАМА');
    const text = (await page.getByTestId('minutes-document').textContent()) ?? '';
    for (const word of ['Төрағалық етуші', 'Хатшы', 'Қатысқандар', 'КҮН ТӘРТІБІ', 'ТЫҢДАЛДЫ', 'СӨЙЛЕДІ', 'ШЕШТІ']) expect(text).toContain(word);
    expect(text).toContain('«Ақтөбе» арнайы экономикалық аймағын дамыту');
    // The Russian text is not the Kazakh document's: its parts start empty.
    expect(await projectsItem().getByTestId('part-heard').textContent()).toBe('');
    const first = decisionRows().first();
    expect(await first.getByTestId('decision-text').inputValue()).toBe('Ұсынылған инвестициялық жобалар қосымша зерделенсін.');
    const second = decisionRows().nth(1);
    expect(await second.getByTestId('decision-text').getAttribute('placeholder')).toContain('Оказать содействие');
    await second.getByTestId('decision-text').fill('Жер учаскесін ресімдеуге жәрдем көрсетілсін.');
    await second.getByTestId('decision-text').press('Tab');
    await page.screenshot({ path: 'tmp/screens/minutes-e2e-kk.png' });

    // Back to Russian: the Russian text of that decision is unchanged.
    await page.getByTestId('minutes-lang').getByText('РУС').click();
    await page.locator('[data-testid=minutes-document][data-lang=ru][data-editable]').waitFor();
    expect(await decisionRows().nth(1).getByTestId('decision-text').inputValue()).toBe('Оказать содействие в оформлении земельного участка.');
  });

  it('refuses a 10 MB paste with a message and leaves the text as it was', async () => {
    const heard = page.getByTestId('minutes-item').first().getByTestId('part-heard');
    await heard.click();
    const before = await heard.innerHTML();
    const took = await heard.evaluate((el) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'x'.repeat(10 * 1024 * 1024));
      const t0 = performance.now();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      return performance.now() - t0;
    });
    await page.getByText(/Вставка отклонена: 10\s485\s760 символов/).waitFor();
    expect(await heard.innerHTML()).toBe(before);
    // Refused before anything was parsed: the page did not freeze.
    expect(took).toBeLessThan(2000);
  });

  it('pasted HTML keeps bold text only: no image element, nothing loaded, no script run', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const heard = page.getByTestId('minutes-item').first().getByTestId('part-heard');
    await heard.click();
    await page.keyboard.press('End');
    await heard.evaluate((el) => {
      const w = window as unknown as { __pwned?: number };
      delete w.__pwned;
      const dt = new DataTransfer();
      dt.setData('text/html', '<img src="https://example.invalid/x.png" onerror="window.__pwned=1"><script>window.__pwned=2</script><iframe src="https://example.invalid/"></iframe><b onclick="window.__pwned=3">bold</b>');
      dt.setData('text/plain', 'bold');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => heard.locator('strong').count()).toBe(1);
    expect(await heard.locator('strong').textContent()).toBe('bold');
    await page.waitForTimeout(500);
    expect(await heard.locator('img, script, iframe, [onerror], [onclick]').count()).toBe(0);
    expect(await page.locator('img[src*="example.invalid"], iframe[src*="example.invalid"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.filter((u) => u.includes('example.invalid'))).toEqual([]);
  });
});
