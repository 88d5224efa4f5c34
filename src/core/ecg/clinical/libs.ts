import type * as DicomParserModule from 'dicom-parser';
import type { XMLParser as XmlParserClass } from 'fast-xml-parser';

/**
 * Third-party parsers the clinical readers need, loaded on first use (dynamic import): the app's main bundle
 * does not grow by them, and a user who opens WFDB never downloads them. The readers themselves are
 * synchronous; `loadLibsFor` (awaited by the one loading entry point) makes the library ready first.
 */
export type DicomParser = typeof DicomParserModule;
export type XmlParserCtor = typeof XmlParserClass;

let dicom: DicomParser | null = null;
let xml: XmlParserCtor | null = null;

export type Lib = 'dicom' | 'xml';

export async function loadLib(lib: Lib): Promise<void> {
  if (lib === 'dicom' && !dicom) {
    const m = (await import('dicom-parser')) as unknown as DicomParser & { default?: DicomParser };
    dicom = m.default ?? m; // the package is UMD: default export under ESM, the namespace under CJS interop
  }
  if (lib === 'xml' && !xml) xml = (await import('fast-xml-parser')).XMLParser;
}

const notLoaded = (what: string) =>
  new Error(`the ${what} parser is loaded on demand: open the file through loadRecordAsync (or await loadLib first)`);

export function dicomLib(): DicomParser {
  if (!dicom) throw notLoaded('DICOM');
  return dicom;
}

export function xmlParserCtor(): XmlParserCtor {
  if (!xml) throw notLoaded('XML');
  return xml;
}
