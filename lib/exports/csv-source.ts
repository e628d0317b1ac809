/** A pull-based source of CSV bytes (header first), one per export. */
export type CsvSource = {
  /** The next chunk, or null at the end. */
  read(): Promise<Uint8Array | null>;
  /** Stop early (the client went away) and give back the connection. Idempotent. */
  abort(): Promise<void>;
};
