/**
 * Rows of a PostgreSQL backup streamed with `COPY … TO STDOUT` (pg-copy-streams) instead of a cursor: the
 * server sends a table as one continuous stream, with no round trip per batch. The copying connection
 * imports the snapshot of the backup's transaction (`pg_export_snapshot`), so the rows are exactly those
 * of the header's instant.
 *
 * Each row is still `row_to_json(t)::text`, in COPY's binary format: a row is a length and the JSON's bytes,
 * copied into the file as they come, with no escaping to undo and no string decoding in JavaScript.
 */
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const SUFFIX = Buffer.from('}\n');

/** `COPY … (FORMAT binary)` of one text column, parsed as chunks arrive (a row may span chunks). */
export class CopyRows {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private ended = false;

  /** Hands each complete row's bytes to `row`; returns how many rows the chunk completed. */
  push(chunk: Buffer, row: (bytes: Buffer) => void): number {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    if (!this.headerRead) {
      if (buf.length >= 11 && !buf.subarray(0, 11).equals(SIGNATURE))
        throw new Error('Not a binary COPY stream');
      if (buf.length < 19 || buf.length < 19 + buf.readUInt32BE(15)) {
        this.pending = Buffer.from(buf);
        return 0;
      }
      at = 19 + buf.readUInt32BE(15);
      this.headerRead = true;
    }
    let rows = 0;
    while (buf.length - at >= 2) {
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (fields !== 1) throw new Error(`Expected one column per row, got ${fields}`);
      if (buf.length - at < 6) break;
      const length = buf.readInt32BE(at + 2);
      if (length < 0) throw new Error('Unexpected NULL row');
      if (buf.length - at < 6 + length) break;
      row(buf.subarray(at + 6, at + 6 + length));
      at += 6 + length;
      rows += 1;
    }
    buf = buf.subarray(at);
    // keep only the unfinished row, copied so that the chunk it came from can be freed
    this.pending = buf.length > 0 ? Buffer.from(buf) : Buffer.alloc(0);
    return rows;
  }

  /** Throws unless the stream ended with COPY's trailer and nothing after it. */
  finish(): void {
    if (!this.ended || this.pending.length > 0) throw new Error('The COPY stream ended early');
  }
}

/** A `json` column keeps its text as written; a line of the backup must stay one line. */
function oneLine(json: Buffer): Buffer {
  if (json.indexOf(10) < 0 && json.indexOf(13) < 0) return json;
  return Buffer.from(JSON.stringify(JSON.parse(json.toString('utf8'))));
}

export type CopySource = {
  /** Writes every row of `table` as `{"t":<table>,"r":<row>}` lines; returns the number of rows. */
  writeTable(table: string, write: (bytes: Buffer) => Promise<void>): Promise<number>;
  close(): Promise<void>;
};

/** A connection of its own, in a read-only transaction on the exported `snapshot`. */
export async function openCopySource(url: string, snapshot: string): Promise<CopySource> {
  const client = new pg.Client({ connectionString: url, application_name: 'dobroset backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set transaction snapshot ${client.escapeLiteral(snapshot)}`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async writeTable(table, write) {
      if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Unexpected table name ${table}`);
      const prefix = Buffer.from(`{"t":${JSON.stringify(table)},"r":`);
      const rows = new CopyRows();
      let count = 0;
      const stream = client.query(
        copyTo(`copy (select row_to_json(t)::text from "${table}" t) to stdout (format binary)`),
      );
      for await (const chunk of stream) {
        const out: Buffer[] = [];
        count += rows.push(chunk as Buffer, (json) => out.push(prefix, oneLine(json), SUFFIX));
        if (out.length > 0) await write(Buffer.concat(out));
      }
      rows.finish();
      return count;
    },
    // Ending the connection ends its read-only transaction, also in the middle of a COPY that failed.
    close: () => client.end(),
  };
}
