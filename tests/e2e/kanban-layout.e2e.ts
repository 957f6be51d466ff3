// The kanban and the register's totals on a laptop (1366×768) and a full-HD screen, in Russian,
// Kazakh and English: stage names read whole, card titles wrap between words, the board scrolls
// sideways (by keyboard too) with a card dragged to a column out of view, and the totals say how
// many projects lack a figure on a line of their own instead of an ellipsis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';

let app: DemoRegister;
let page: Page;

const LANGS = [['РУС', 'ru'], ['ҚАЗ', 'kk'], ['ENG', 'en']] as const;

async function switchLang(label: string): Promise<void> {
  await page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  await page.waitForTimeout(300);
}

/** What of the kanban's layout is cut or squeezed: headers, card titles split inside a word, narrow columns. */
function kanbanDefects(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const cut = (e: Element) => (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 0.5;
    for (const col of document.querySelectorAll<HTMLElement>('[data-testid^=kanban-column-]')) {
      const id = col.dataset.testid ?? '';
      if (col.getBoundingClientRect().width < 239) out.push(`${id}: ${Math.round(col.getBoundingClientRect().width)} px wide`);
      const badge = col.querySelector('.kanban-stage-head .stage-badge');
      const label = badge?.querySelector('.mantine-Badge-label');
      if (!badge || !label) { out.push(`${id}: no stage badge`); continue; }
      if (cut(badge) || cut(label)) out.push(`${id}: stage «${label.textContent}» is cut`);
    }
    // A word of a title split over two lines has two boxes; words end at spaces and hyphens.
    for (const title of document.querySelectorAll<HTMLElement>('[data-testid=kanban-card] .kanban-title')) {
      const text = title.textContent ?? '';
      if (title.getAttribute('title') !== text) out.push(`«${text}»: the full title is not in the title attribute`);
      const node = title.querySelector('span')?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) { out.push(`«${text}»: no text node`); continue; }
      const re = /[^\s\-‐–—]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(`«${text}»: the word «${m[0]}» is split`);
      }
    }
    return out;
  });
}

beforeAll(async () => {
  app = await openDemoRegister({ width: 1366, height: 768 });
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

/**
 * Brings the board back to its first column and waits until it rests there: the arrow keys scroll
 * it smoothly, and a drag begun while that scroll still runs measures the columns where they were.
 */
async function scrollBoardHome(board: Locator): Promise<void> {
  let last = -1;
  await expect.poll(async () => {
    const now = await board.evaluate((e) => e.scrollLeft);
    const still = now === last;
    last = now;
    return still;
  }, { interval: 150 }).toBe(true);
  await expect.poll(() => board.evaluate((e) => {
    e.scrollTo({ left: 0, behavior: 'instant' });
    return e.scrollLeft;
  })).toBe(0);
  // Still at 0 a moment later: nothing scrolls it any more.
  await page.waitForTimeout(200);
  expect(await board.evaluate((e) => e.scrollLeft)).toBe(0);
}

describe('the kanban and the totals on a laptop screen', () => {
  it('shows the sum and, on its own line, how many projects lack it — nothing cut, in every language', async () => {
    // One demo project gets an investment: the other five have none.
    await page.locator('[data-testid=board-row] button').first().click();
    await page.getByRole('tab', { name: 'Показатели' }).click();
    await page.getByTestId('field-investment').fill('25 млрд');
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    const total = page.getByTestId('total-investmentTenge');
    const expected = { ru: ['25 млрд ₸', 'нет данных: 5', 'У 5 проектов показатель не заполнен'], kk: ['25 млрд ₸', 'дерек жоқ: 5', '5 жобада көрсеткіш толтырылмаған'], en: ['25 bn ₸', 'no data: 5', '5 projects have no figure here'] };
    for (const [label, lang] of LANGS) {
      await switchLang(label);
      const [sum, note, title] = expected[lang];
      await expect.poll(async () => (await total.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toBe(`${sum}\n${note}`);
      expect(await total.getAttribute('title')).toBe(title);
      const fit = await total.evaluate((e) => {
        const td = e.closest('td') as HTMLElement;
        const box = td.getBoundingClientRect();
        return [td, e, ...e.children].map((c) => {
          const el = c as HTMLElement;
          const r = el.getBoundingClientRect();
          return el.scrollWidth <= el.clientWidth && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
        });
      });
      expect(fit, lang).toEqual([true, true, true, true]);
      expect(await page.getByTestId('total-investmentTenge-missing').isVisible()).toBe(true);
    }
    await switchLang('РУС');
  });

  it('gives every stage a column wide enough for its name and card titles, and scrolls sideways', async () => {
    await page.getByTestId('nav-kanban').click();
    await page.getByTestId('kanban-column-idea').getByTestId('kanban-card').first().waitFor();
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      for (const [label, lang] of LANGS) {
        await switchLang(label);
        expect(await kanbanDefects(page), `${width} ${lang}`).toEqual([]);
      }
      await switchLang('РУС');
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    const board = page.getByTestId('kanban-board');
    expect(await board.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // The board takes the focus and its arrow keys scroll it.
    await board.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => board.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await scrollBoardHome(board);
  });

  it('drags a card by keyboard to the last stage, out of view at first: the board scrolls after it', async () => {
    const board = page.getByTestId('kanban-board');
    const cancelled = page.getByTestId('kanban-column-cancelled');
    const inView = async () => {
      const [b, c] = [await board.boundingBox(), await cancelled.boundingBox()];
      return !!b && !!c && c.x >= b.x - 1 && c.x + c.width <= b.x + b.width + 1;
    };
    await scrollBoardHome(board);
    expect(await inView()).toBe(false);
    const card = page.getByTestId('kanban-column-idea').getByTestId('kanban-card').first();
    const id = (await card.getAttribute('data-project-id')) ?? '';
    await card.getByTestId('kanban-handle').focus();
    await page.keyboard.press('Space');
    const live = page.locator('[id^=DndLiveRegion]');
    await expect.poll(() => live.innerText()).toMatch(/Взята карточка|над стадией «Идея»/);
    for (const stage of ['Переговоры', 'Проектирование', 'Строительство', 'Ввод в эксплуатацию', 'Действующий', 'Приостановлен', 'Отменён']) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => live.innerText()).toContain(`над стадией «${stage}»`);
    }
    expect(await inView()).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => cancelled.locator(`[data-project-id="${id}"]`).count()).toBe(1);
    expect(await page.getByTestId('kanban-count-cancelled').innerText()).toBe('1');
  });

  it('drags a card with the mouse to a stage out of view: holding it at the edge scrolls the board', async () => {
    const board = page.getByTestId('kanban-board');
    await scrollBoardHome(board);
    const suspended = page.getByTestId('kanban-column-suspended');
    const card = page.getByTestId('kanban-column-idea').getByTestId('kanban-card').first();
    const id = (await card.getAttribute('data-project-id')) ?? '';
    const from = await card.getByTestId('kanban-handle').boundingBox();
    const box = await board.boundingBox();
    if (!from || !box) throw new Error('no boxes');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 20, { steps: 5 });
    await page.getByTestId('kanban-card-overlay').waitFor();
    await page.mouse.move(box.x + box.width - 10, box.y + 250, { steps: 15 });
    // dnd-kit scrolls while the pointer stays near the edge; wiggle it so the scroll keeps going.
    await expect.poll(async () => {
      await page.mouse.move(box.x + box.width - 8, box.y + 252);
      await page.mouse.move(box.x + box.width - 9, box.y + 250);
      const s = await suspended.boundingBox();
      return !!s && s.x + s.width <= box.x + box.width + 1;
    }).toBe(true);
    // Away from the edge the scroll stops; the column is aimed at where it settles (it may have
    // scrolled on after the check above).
    await page.mouse.move(box.x + box.width / 2, box.y + 250, { steps: 5 });
    let to = await suspended.boundingBox();
    await expect.poll(async () => {
      const now = await suspended.boundingBox();
      const still = !!now && !!to && now.x === to.x;
      to = now;
      return still;
    }).toBe(true);
    if (!to) throw new Error('no target');
    await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => suspended.locator(`[data-project-id="${id}"]`).count()).toBe(1);
    expect(await page.getByTestId('kanban-count-suspended').innerText()).toBe('1');
    expect(await page.getByTestId('kanban-card-overlay').count()).toBe(0);
  });
});
