// The snapshot's gzip: text parts written one by one make one standard gzip file of their UTF-8
// text, whatever the parts' sizes and scripts; a damaged one is refused.
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { gunzipText, gzipHere, gzipOnWorker, gzipParts, type GzipWorker } from '../../../renderer/src/backup/codec';

it('gzips parts into one file that any gunzip reads back as the parts joined', async () => {
  const parts = ['{"projects":', JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ title: `Өңдеу цехы № ${i} — «Ақтөбе» ₸` }))), '', ',"$binary":[]}'];
  const bytes = await gzipParts(parts);
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  expect(gunzipSync(bytes).toString('utf8')).toBe(parts.join(''));
  expect(await gunzipText(bytes)).toBe(parts.join(''));
  expect(await gzipParts([])).toSatisfy((empty: Uint8Array) => gunzipSync(empty).length === 0);
});

it('refuses damaged bytes', async () => {
  const bytes = await gzipParts(['{"a":"Қазақстан"}']);
  const damaged = bytes.slice();
  damaged[damaged.length - 6] = (damaged[damaged.length - 6] ?? 0) ^ 0xff; // inside the CRC
  await expect(gunzipText(damaged)).rejects.toThrow();
});

// The snapshot's gzip sink: parts handed to a worker as they come (the real one runs in the e2e
// backup test); whatever the worker does, the file is the parts joined, in order.
type Sent = { kind: 'part'; text: string } | { kind: 'end' };
class FakeWorker implements GzipWorker {
  onmessage: GzipWorker['onmessage'] = null;
  onerror: GzipWorker['onerror'] = null;
  onmessageerror: GzipWorker['onmessageerror'] = null;
  readonly sent: Sent[] = [];
  terminated = false;
  constructor(private readonly behave: 'gzip' | 'refuse' | 'crash') {}
  postMessage(m: Sent): void {
    this.sent.push(m);
    if (m.kind !== 'end') return;
    setTimeout(() => {
      if (this.behave === 'crash') {
        this.onerror?.call(this as unknown as Worker, Object.assign(new Event('error'), { message: 'boom' }) as ErrorEvent);
        return;
      }
      const text = this.sent.flatMap((s) => (s.kind === 'part' ? [s.text] : [])).join('');
      const bytes = new Uint8Array(gzipSync(Buffer.from(text, 'utf8')));
      const data = this.behave === 'gzip' ? { ok: true, bytes } : { ok: false, message: 'no CompressionStream here' };
      this.onmessage?.call(this as unknown as Worker, new MessageEvent('message', { data }));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const PARTS = ['{"projects":[', JSON.stringify({ title: 'Завод ферросплавов', tenge: '1 200 000 ₸' }), ',', JSON.stringify({ title: 'Өңдеу цехы' }), ']}'];

it('sends the parts to its worker in order and returns the worker\'s gzip', async () => {
  const worker = new FakeWorker('gzip');
  const sink = gzipOnWorker(() => worker);
  for (const p of PARTS) sink.write(p);
  const done = await sink.finish();
  expect(done?.thread).toBe('worker');
  expect(worker.sent).toEqual([...PARTS.map((text) => ({ kind: 'part', text })), { kind: 'end' }]);
  expect(gunzipSync(done?.bytes ?? new Uint8Array()).toString('utf8')).toBe(PARTS.join(''));
  expect(worker.terminated).toBe(true);
});

it('gzips here when the worker cannot start — the same file', async () => {
  const sink = gzipOnWorker(() => {
    throw new Error('workers are not allowed here');
  });
  for (const p of PARTS) sink.write(p);
  const done = await sink.finish();
  expect(done?.thread).toBe('here');
  expect(gunzipSync(done?.bytes ?? new Uint8Array()).toString('utf8')).toBe(PARTS.join(''));
  // Where no worker can run at all, the sink is this thread's from the start.
  const here = gzipHere();
  for (const p of PARTS) here.write(p);
  expect(gunzipSync((await here.finish())?.bytes ?? new Uint8Array()).toString('utf8')).toBe(PARTS.join(''));
});

it('says so when its worker refuses or fails part-way, and stops it (the writer writes the parts again here)', async () => {
  for (const behave of ['refuse', 'crash'] as const) {
    const worker = new FakeWorker(behave);
    const sink = gzipOnWorker(() => worker);
    for (const p of PARTS) sink.write(p);
    expect(await sink.finish()).toBeNull();
    expect(worker.terminated).toBe(true);
  }
});

it('stops its worker when the snapshot fails part-way', async () => {
  const worker = new FakeWorker('gzip');
  const sink = gzipOnWorker(() => worker);
  sink.write(PARTS[0] ?? '');
  sink.abort();
  expect(worker.terminated).toBe(true);
  expect(worker.sent).toEqual([{ kind: 'part', text: PARTS[0] }]);
});
