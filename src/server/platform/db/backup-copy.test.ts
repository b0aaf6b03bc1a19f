import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyRows } from './backup-copy.js';

/** A binary COPY stream of one text column, as PostgreSQL writes it. */
function copyStream(rows: string[], extension = Buffer.alloc(0)) {
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  parts[1]?.writeUInt32BE(extension.length, 4);
  parts.push(extension);
  for (const row of rows) {
    const bytes = Buffer.from(row, 'utf8');
    const head = Buffer.alloc(6);
    head.writeInt16BE(1, 0);
    head.writeInt32BE(bytes.length, 2);
    parts.push(head, bytes);
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

function parse(stream: Buffer, cuts: number[]) {
  const parser = new CopyRows();
  const out: string[] = [];
  let counted = 0;
  let from = 0;
  for (const cut of [...cuts.sort((a, b) => a - b), stream.length]) {
    counted += parser.push(stream.subarray(from, cut), (b) => out.push(b.toString('utf8')));
    from = cut;
  }
  parser.finish();
  return { out, counted };
}

describe('binary COPY rows', () => {
  it('gives every row whole, however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }),
        fc.uint8Array({ maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (rows, extension, cuts) => {
          const stream = copyStream(
            rows.map((r) => JSON.stringify({ r })),
            Buffer.from(extension),
          );
          const { out, counted } = parse(
            stream,
            cuts.map((c) => c % (stream.length + 1)),
          );
          expect(out).toEqual(rows.map((r) => JSON.stringify({ r })));
          expect(counted).toBe(rows.length);
        },
      ),
    );
  });

  it('cut at every byte: Cyrillic, emoji and an empty row', () => {
    const rows = ['{"name":"Ёлкина Мария"}', '{"e":"🙂"}', ''];
    const stream = copyStream(rows);
    const every = Array.from({ length: stream.length }, (_, i) => i);
    expect(parse(stream, every).out).toEqual(rows);
  });

  it('refuses a stream that ends early, is not COPY, or has more than one column', () => {
    const stream = copyStream(['{"a":1}', '{"b":2}']);
    expect(() => parse(stream.subarray(0, stream.length - 2), [])).toThrow(/ended early/);
    expect(() => parse(stream.subarray(0, stream.length - 5), [])).toThrow(/ended early/);
    expect(() => parse(Buffer.from('id\tname\n1\tАнна Петровна\n\\.\n'), [])).toThrow(/Not a binary COPY/);
    const two = Buffer.from(stream);
    two.writeInt16BE(2, 19);
    expect(() => parse(two, [])).toThrow(/one column/);
  });
});
