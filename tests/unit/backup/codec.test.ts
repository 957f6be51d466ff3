// The snapshot's gzip: text parts written one by one make one standard gzip file of their UTF-8
// text, whatever the parts' sizes and scripts; a damaged one is refused.
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { gunzipText, gzipParts } from '../../../renderer/src/backup/codec';

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
