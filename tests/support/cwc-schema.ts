import fs from 'node:fs';
import path from 'node:path';
import type { XsdValidator } from 'libxml2-wasm';

// Checks a CWC message against our XSD (tests/support/cwc/cwc-2.0.xsd) with libxml2, compiled to
// WebAssembly by libxml2-wasm: the same validator as xmllint, offline and in-process.
// libxml2-wasm is an ES module that awaits its WebAssembly at top level, which CommonJS cannot
// require, and Playwright loads the e2e specs as CommonJS: so it is imported on first use, by
// loadCwcSchema(), which a test awaits before the checks below (startFakeSoapbox does it itself).

const XSD = path.resolve(__dirname, 'cwc', 'cwc-2.0.xsd');

type Libxml2 = typeof import('libxml2-wasm');
let loading: Promise<{ lib: Libxml2; validator: XsdValidator }> | undefined;
let loaded: { lib: Libxml2; validator: XsdValidator } | undefined;

/** Load libxml2 and compile the schema, once per process. */
export async function loadCwcSchema(): Promise<void> {
  loading ??= (async () => {
    const lib = await import('libxml2-wasm');
    const schema = lib.XmlDocument.fromString(fs.readFileSync(XSD, 'utf8'));
    try {
      return { lib, validator: lib.XsdValidator.fromDoc(schema) };
    } finally {
      schema.dispose();
    }
  })();
  loaded = await loading;
}

function libxml2() {
  if (!loaded) throw new Error('await loadCwcSchema() before checking CWC XML');
  return loaded;
}

/** The schema's complaints about `xml`, one line each; empty when the message is valid. */
export function validateCwcXml(xml: string): string[] {
  const { lib, validator } = libxml2();
  let doc: InstanceType<Libxml2['XmlDocument']>;
  try {
    doc = lib.XmlDocument.fromString(xml);
  } catch (e) {
    return [`Not well-formed XML: ${(e as Error).message.trim()}`];
  }
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof lib.XmlValidateError) return e.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw e;
  } finally {
    doc.dispose();
  }
}

/** Text of the first element called `name` in `xml` (the fake server and tests read messages back). */
export function cwcElementText(xml: string, name: string): string | null {
  const doc = libxml2().lib.XmlDocument.fromString(xml);
  try {
    const node = doc.get(`//${name}`);
    return node ? node.content : null;
  } finally {
    doc.dispose();
  }
}
