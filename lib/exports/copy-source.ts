import 'server-only';
import type { Readable } from 'node:stream';
import type { Sql } from 'postgres';
import type { CsvSource } from './csv-source';

/**
 * PostgreSQL: `COPY (SELECT …) TO STDOUT` writes the CSV (quoting, header, neutralised cells) and
 * Node only passes the bytes on, with backpressure: postgres.js pauses the socket while the
 * stream's buffer is full, so memory stays flat whatever the row count.
 *
 * The COPY runs on a reserved connection. postgres.js otherwise pipelines other queries behind a
 * busy connection, and they would wait for a slow download; and a cancel request names a backend,
 * so it must only ever reach our own COPY.
 */
export async function openCopySource(sql: Sql, selectText: string): Promise<CsvSource> {
  const conn = await sql.reserve();
  let released = false;
  // The stream ends at CopyDone, before the server's ReadyForQuery: releasing then would hand the
  // pool a connection postgres.js still counts as busy (and it would re-add it when the COPY
  // completes). A trivial query queued behind the COPY resolves only once the COPY is done.
  const release = async () => {
    if (released) return;
    released = true;
    try {
      await conn`select 1`;
    } catch {
      // A broken connection is dropped by postgres.js itself.
    } finally {
      conn.release();
    }
  };

  const query = conn.unsafe(`copy (${selectText}) to stdout with (format csv, header true)`);
  let readable: Readable;
  try {
    readable = (await query.readable()) as Readable;
  } catch (e) {
    await release();
    throw e;
  }

  let ended = false;
  let aborted = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  readable.on('readable', notify);
  // postgres.js pauses the socket when the stream's buffer is full and resumes it only from the
  // stream's _read(), which Node stops calling once the stream has ended. If the last row filled the
  // buffer, the connection would stay paused forever (its next query never answered): resume it.
  // (porsager/postgres#499; the fix, PR #1016, is not in 3.4.9.)
  const unpause = () => (readable as unknown as { _read(size: number): void })._read(0);
  readable.on('end', () => {
    ended = true;
    unpause();
    void release();
    notify();
  });
  readable.on('error', (e: Error) => {
    failure = e;
    unpause();
    void release();
    notify();
  });

  return {
    async read() {
      for (;;) {
        if (aborted) return null;
        const chunk = readable.read() as Buffer | null;
        if (chunk !== null) return chunk;
        if (failure) throw failure;
        if (ended) return null;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async abort() {
      if (aborted) return;
      aborted = true;
      notify();
      if (ended || failure) return;
      // Destroying the stream would leave postgres.js with a paused socket and a COPY still
      // running: cancel the statement on the server and drain what is already on the way, then
      // the connection ends the COPY with an error and is clean for the pool again.
      const closed = new Promise<void>((resolve) => readable.once('close', () => resolve()));
      readable.removeListener('readable', notify);
      readable.on('error', () => {}); // the cancel surfaces here as 57014, which is expected
      readable.on('data', () => {});
      readable.resume();
      await query.cancel();
      await closed;
      unpause();
      await release();
    },
  };
}
