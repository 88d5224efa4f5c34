import { EcgError } from '../../errors';
import { xmlParserCtor } from './libs';

/** An XML element as fast-xml-parser gives it: attributes under "@name", text under "#text", children by name. */
export type XNode = { [key: string]: XValue };
export type XValue = XNode | XNode[] | string | undefined;

/**
 * Parse XML text into a plain tree (namespace prefixes removed, every value a string, nothing evaluated:
 * no entities beyond XML's own, no DTD processing). Malformed XML → EcgError naming the file.
 */
export function parseXmlTree(text: string, fileName: string): XNode {
  const Parser = xmlParserCtor();
  const parser = new Parser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  try {
    return parser.parse(text, true) as XNode;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new EcgError('bad-xml', `not well-formed XML (${why.split('\n')[0]})`, { file: fileName });
  }
}

/** The child elements called `name` (always a list). */
export function children(node: XValue, name: string): XNode[] {
  if (!node || typeof node === 'string' || Array.isArray(node)) return [];
  const v = node[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'string' ? { '#text': x } : x));
}

export function child(node: XValue, name: string): XNode | undefined {
  return children(node, name)[0];
}

/** Follow a path of element names, first match at each step. */
export function at(node: XValue, ...path: string[]): XNode | undefined {
  let cur: XNode | undefined = node as XNode | undefined;
  for (const p of path) cur = child(cur, p);
  return cur;
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function text(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  const v = node['#text'];
  return typeof v === 'string' ? v : undefined;
}

/** Every descendant element called `name`, depth first, in document order. */
export function descendants(node: XValue, name: string, out: XNode[] = []): XNode[] {
  if (!node || typeof node === 'string') return out;
  if (Array.isArray(node)) {
    for (const n of node) descendants(n, name, out);
    return out;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@') || k === '#text') continue;
    const list = Array.isArray(v) ? v : [v];
    for (const x of list) {
      if (typeof x === 'string') {
        if (k === name) out.push({ '#text': x });
        continue;
      }
      if (k === name) out.push(x as XNode);
      descendants(x as XNode, name, out);
    }
  }
  return out;
}
