/**
 * XML bytes → text, by the byte-order mark, the UTF-16 pattern of "<?" or the declared encoding
 * (GE MUSE writes ISO-8859-1, Philips 1.04 UTF-16, aECG UTF-8).
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /8859-1|latin-?1|windows-1252/.test(declared)) return new TextDecoder('latin1').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export type XmlFlavour = 'hl7-aecg' | 'ge-muse' | 'philips-xml';

/** The ECG XML flavour by the root element, or null when these bytes are not one of them. */
export function flavourOfText(text: string): XmlFlavour | null {
  const root = /<(?!\?|!)([A-Za-z_][\w:.-]*)/.exec(text.slice(0, 4096))?.[1]?.replace(/^.*:/, '');
  if (root === 'AnnotatedECG') return 'hl7-aecg';
  if (root === 'RestingECG') return 'ge-muse';
  if (root === 'restingecgdata') return 'philips-xml';
  return null;
}
