// Runs in the page (added by the benchmark): writes N synthetic projects straight into the
// app's IndexedDB, in the shape the repository stores — the projects with their field clocks, and
// the board's projection rows, each in packs of PACK_SIZE records sorted by id
// (renderer/src/db/packed-table.ts, schemas 11 and 12; a board pack also holds an entry
// [[alive, updatedAt], id] per row for the `[alive+updatedAt]` index) — in batches of one
// transaction each.
/* global window, indexedDB */
window.__seedProjects = async function seedProjects(n) {
  const districts = ['aktobe-city', 'aktobe-aitekebi', 'aktobe-alga', 'aktobe-baiganin', 'aktobe-irgiz', 'aktobe-kargaly', 'aktobe-martuk', 'aktobe-mugalzhar', 'aktobe-temir', 'aktobe-uil', 'aktobe-khobda', 'aktobe-khromtau', 'aktobe-shalkar'];
  const oked = ['A', 'B', 'C', 'C', 'C', 'D', 'F', 'G', 'H', 'H', 'I', 'J'];
  const stages = ['idea', 'negotiation', 'design', 'construction', 'commissioning', 'operating', 'suspended', 'cancelled'];
  const statuses = ['on_track', 'on_track', 'at_risk', 'blocked'];
  const what = ['Завод', 'Цех', 'Комплекс', 'Логистический центр', 'Склад', 'Фабрика', 'Теплица', 'Элеватор'];
  const product = ['пластиковых труб', 'ферросплавов', 'смазочных материалов', 'гидросульфида натрия', 'стройматериалов', 'молочной продукции', 'металлоконструкций', 'кормов'];
  const company = ['Ақжол', 'Темір', 'Blue Sky', 'EcoNova', 'Polyline', 'Қазақ Құрылыс', 'Triumph', 'Aral Trade', 'Mugalzhar Steel', 'Орал'];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('hattama');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const base = Date.parse('2025-01-01T00:00:00Z');
  // The per-field HLC stamps the repository keeps with every record, as a real register has them,
  // stored packed as the repository stores them (shared/sync/packed-clocks.ts: wall and node once,
  // then counter and fields): a project entered at once (an import, a card saved) has every field
  // under the one stamp of that write; every fifth was edited later by another clerk, whose write
  // stamped its stage and status.
  const FIELDS = ['title', 'investorName', 'regionId', 'districtId', 'okedSection', 'zoneId', 'investmentTenge', 'jobsPermanentPlanned', 'jobsConstructionPlanned', 'stage', 'status'].sort();
  const NODE = '0190abcd-0000-7000-8000-000000000001';
  const OTHER = '0190abcd-0000-7000-8000-000000000002';
  const clock = (i) => {
    const wall = String(base + i * 60_000).padStart(15, '0');
    const counter = '000000';
    if (i % 5 !== 4) return { stage: `${wall}-${counter}-${NODE}`, packed: JSON.stringify([[wall, NODE, [counter, ...FIELDS]]]) };
    const later = String(base + i * 60_000 + 86_400_000).padStart(15, '0');
    const edited = ['stage', 'status'];
    return {
      stage: `${later}-${counter}-${OTHER}`,
      packed: JSON.stringify([[wall, NODE, [counter, ...FIELDS.filter((f) => !edited.includes(f))]], [later, OTHER, [counter, ...edited]]]),
    };
  };
  const batch = 5000;
  /** renderer/src/db/packed-table.ts's PACK_SIZE: the most records one packed row holds. */
  const PACK_SIZE = 256;
  const projects = [];
  const boardRows = [];
  for (let i = 0; i < n; i++) {
    const id = `0190${(i).toString(16).padStart(4, '0').slice(-4)}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
    const title = `${pick(what)} ${pick(product)} №${i + 1}`;
    const investorName = `ТОО «${pick(company)} ${i % 977}»`;
    const districtId = pick(districts);
    const okedSection = pick(oked);
    const at = new Date(base + i * 60_000).toISOString();
    const fields = {
      title, investorName, regionId: 'aktobe', districtId, okedSection,
      ...(rnd() < 0.2 ? { zoneId: 'sez-aktobe' } : {}),
      investmentTenge: Math.round(rnd() * 200) * 1e8,
      jobsPermanentPlanned: Math.floor(rnd() * 500), jobsConstructionPlanned: Math.floor(rnd() * 900),
      stage: pick(stages), status: pick(statuses), tags: [],
    };
    const c = clock(i);
    projects.push({ id, createdAt: at, updatedAt: at, deletedAt: null, alive: 1, ...fields, capacity: `${title}: мощность по проекту`, notes: 'Проект будет дополнительно изучен.', clocks: c.packed });
    boardRows.push({
      id, createdAt: at, updatedAt: at, alive: 1, ...fields, openBarriers: 0, stageHlc: c.stage,
      search: `${title}\u0001${investorName}\u0001${districtId}\u0001${okedSection}`.toLocaleLowerCase('ru'),
    });
  }
  // Each table's records in key order, PACK_SIZE to a row keyed by its first record's id.
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const stores = [
    ['projects', projects, () => ({})],
    ['boardRows', boardRows, (records) => ({ alive_updatedAt: records.map((r) => [[r.alive, r.updatedAt], r.id]) })],
  ];
  for (const [name, records, indexKeys] of stores) {
    records.sort(byId);
    for (let start = 0; start < records.length; start += batch) {
      await new Promise((res, rej) => {
        const tx = db.transaction([name], 'readwrite');
        const store = tx.objectStore(name);
        for (let p = start; p < Math.min(records.length, start + batch); p += PACK_SIZE) {
          const pack = records.slice(p, Math.min(p + PACK_SIZE, start + batch, records.length));
          store.put({ id: pack[0].id, records: pack, ...indexKeys(pack) });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    }
  }
  db.close();
  return n;
};
