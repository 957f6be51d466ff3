// The snapshot's gzip: text parts written one by one make one standard gzip file of their UTF-8
// text, whatever the parts' sizes and scripts; a damaged one is refused.
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { gunzipText, gzipHere, gzipOnWorker, gzipParts, type GzipWorker } from '../../../renderer/src/backup/codec';
import { utf8Encoder } from '../../../renderer/src/backup/utf8';

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
// backup test); whatever the worker does, the file is the parts joined, in order. Each part goes
// as UTF-8 bytes in a buffer of its own, handed over (transferred), never written into again.
type Sent = { kind: 'part'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'end' };
class FakeWorker implements GzipWorker {
  onmessage: GzipWorker['onmessage'] = null;
  onerror: GzipWorker['onerror'] = null;
  onmessageerror: GzipWorker['onmessageerror'] = null;
  /** The parts' text as the worker read it, when it "compressed" them (just before freeing them). */
  readonly texts: string[] = [];
  readonly buffers = new Set<ArrayBuffer>();
  readonly transferred: unknown[][] = [];
  ended = false;
  terminated = false;
  constructor(private readonly behave: 'gzip' | 'refuse' | 'crash') {}
  private send(data: unknown): void {
    this.onmessage?.call(this as unknown as Worker, new MessageEvent('message', { data }));
  }
  postMessage(m: Sent, transfer?: Transferable[] | StructuredSerializeOptions): void {
    this.transferred.push(Array.isArray(transfer) ? transfer : []);
    if (m.kind === 'part') {
      this.buffers.add(m.bytes.buffer);
      // Read later, as a stream may (Node's does): a buffer the sink wrote into again meanwhile
      // would show here as another text.
      setTimeout(() => this.texts.push(new TextDecoder().decode(m.bytes)), 0);
      return;
    }
    this.ended = true;
    setTimeout(() => {
      if (this.behave === 'crash') {
        this.onerror?.call(this as unknown as Worker, Object.assign(new Event('error'), { message: 'boom' }) as ErrorEvent);
        return;
      }
      const bytes = new Uint8Array(gzipSync(Buffer.from(this.texts.join(''), 'utf8')));
      this.send(this.behave === 'gzip' ? { ok: true, bytes } : { ok: false, message: 'no CompressionStream here' });
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const PARTS = ['{"projects":[', JSON.stringify({ title: 'Завод ферросплавов', tenge: '1 200 000 ₸' }), ',', JSON.stringify({ title: 'Өңдеу цехы 😀' }), ']}'];

it('sends the parts to its worker in order as UTF-8, buffers handed over, and returns the worker\'s gzip', async () => {
  const worker = new FakeWorker('gzip');
  const sink = gzipOnWorker(() => worker);
  for (const p of PARTS) sink.write(p);
  const done = await sink.finish();
  expect(done?.thread).toBe('worker');
  expect(worker.texts).toEqual(PARTS);
  expect(worker.ended).toBe(true);
  // Each part's buffer was transferred with it, not copied.
  expect(worker.transferred.slice(0, PARTS.length).every((t) => t.length === 1)).toBe(true);
  expect(gunzipSync(done?.bytes ?? new Uint8Array()).toString('utf8')).toBe(PARTS.join(''));
  expect(worker.terminated).toBe(true);
});

it('gives each part a buffer of its own, read whenever the worker reads it', async () => {
  const worker = new FakeWorker('gzip');
  const sink = gzipOnWorker(() => worker);
  const parts = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, title: `Қойма №${i} — ${'ж'.repeat(i * 37)}` }));
  for (const p of parts) sink.write(p);
  const done = await sink.finish();
  expect(worker.texts).toEqual(parts);
  expect(worker.buffers.size).toBe(parts.length);
  expect(gunzipSync(done?.bytes ?? new Uint8Array()).toString('utf8')).toBe(parts.join(''));
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
  expect(worker.buffers.size).toBe(1);
  expect(worker.ended).toBe(false);
});

it('encodes any text as UTF-8, each into a buffer of its own of exactly its bytes', () => {
  const utf8 = utf8Encoder();
  const texts = ['x'.repeat(2_000_000), '', 'Ақтөбе ₸', '😀 Қ'.repeat(5)];
  const out = texts.map((text) => utf8(text));
  out.forEach((bytes, i) => {
    expect(Buffer.from(bytes).toString('utf8')).toBe(texts[i]);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
  });
  expect(new Set(out.map((b) => b.buffer)).size).toBe(texts.length);
});
