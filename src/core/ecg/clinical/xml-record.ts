import { LIMITS } from '../../constants';
import { EcgError } from '../../errors';
import type { EcgRecord } from '../types';
import { readAecgRecord } from './aecg';
import { readMuseRecord } from './muse';
import { readPhilipsRecord } from './philips/record';
import { decodeXml, flavourOfText, type XmlFlavour } from './xml-text';

/** Which ECG XML these bytes are (HL7 aECG, GE MUSE, Philips), or null. Looks only at the first bytes. */
export function xmlFlavour(bytes: Uint8Array): XmlFlavour | null {
  if (!(bytes[0] === 0x3c || bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe || bytes[1] === 0x3c))
    return null;
  return flavourOfText(decodeXml(bytes.subarray(0, 8192)));
}

/** An ECG XML export, dispatched on its root element. */
export function readXmlRecord(bytes: Uint8Array, fileName: string): EcgRecord {
  const text = decodeXml(bytes);
  if (text.length > LIMITS.maxXmlChars) {
    throw new EcgError('file-too-large', `${text.length} characters of XML; at most ${LIMITS.maxXmlChars} are parsed`, {
      file: fileName,
    });
  }
  const flavour = flavourOfText(text);
  switch (flavour) {
    case 'hl7-aecg':
      return readAecgRecord(text, fileName);
    case 'ge-muse':
      return readMuseRecord(text, fileName);
    case 'philips-xml':
      return readPhilipsRecord(text, fileName);
    default:
      throw new EcgError(
        'unknown-format',
        'this XML is not an ECG export this app reads: expected the root element AnnotatedECG (HL7 aECG), RestingECG (GE MUSE) or restingecgdata (Philips)',
        { file: fileName },
      );
  }
}
