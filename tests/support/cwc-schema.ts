import fs from 'node:fs';
import path from 'node:path';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';

// Checks a CWC message against our XSD (tests/support/cwc/cwc-2.0.xsd) with libxml2, compiled to
// WebAssembly by libxml2-wasm: the same validator as xmllint, offline and in-process.

const XSD = path.resolve(import.meta.dirname, 'cwc', 'cwc-2.0.xsd');

let validator: XsdValidator | undefined;

function getValidator(): XsdValidator {
  if (!validator) {
    const schema = XmlDocument.fromString(fs.readFileSync(XSD, 'utf8'));
    try {
      validator = XsdValidator.fromDoc(schema);
    } finally {
      schema.dispose();
    }
  }
  return validator;
}

/** The schema's complaints about `xml`, one line each; empty when the message is valid. */
export function validateCwcXml(xml: string): string[] {
  const v = getValidator();
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (e) {
    return [`Not well-formed XML: ${(e as Error).message.trim()}`];
  }
  try {
    v.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw e;
  } finally {
    doc.dispose();
  }
}

/** Text of the first element called `name` in `xml` (the fake server and tests read messages back). */
export function cwcElementText(xml: string, name: string): string | null {
  const doc = XmlDocument.fromString(xml);
  try {
    const node = doc.get(`//${name}`);
    return node ? node.content : null;
  } finally {
    doc.dispose();
  }
}
