/**
 * The one way the app and its worker fetch a file (issue 17): HTTP errors and network failures become a
 * FetchFailure naming the file and the URL, and an optional check (the model registry's SHA-256, issue 15) runs on
 * the bytes before anyone sees them. The fetch function is passed in (the page's, the worker's, a test's), so this
 * stays plain TypeScript.
 */
import { CodedError } from '../errors';
export type Fetch = (url: string) => Promise<Response>;

export class FetchFailure extends CodedError<'network'> {
  declare readonly file: string;
  readonly url: string;
  /** HTTP status when the server answered, undefined when the request itself failed. */
  readonly status?: number;

  constructor(url: string, file: string, message: string, status?: number) {
    super('network', message, { file });
    this.name = 'FetchFailure';
    this.url = url;
    this.status = status;
  }
}

const defaultFetch: Fetch = (url) => fetch(url);

/** The last path segment of a URL: what messages call the file when nothing better is given. */
export const fileOfUrl = (url: string): string => decodeURIComponent(url.split('?')[0].split('/').pop() || url);

/** A 2xx response, or FetchFailure ("could not fetch …" / "fetching … gave HTTP 404"). */
export async function fetchOk(
  url: string,
  { file = fileOfUrl(url), fetchFn = defaultFetch }: { file?: string; fetchFn?: Fetch } = {},
): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    throw new FetchFailure(url, file, `could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new FetchFailure(url, file, `fetching ${url} gave HTTP ${res.status}`, res.status);
  return res;
}

/** The file's bytes, after `check` (e.g. a SHA-256 comparison) accepted them; `check` throws to refuse. */
export async function fetchBytes(
  url: string,
  { file, fetchFn, check }: { file?: string; fetchFn?: Fetch; check?: (bytes: Uint8Array) => Promise<void> } = {},
): Promise<Uint8Array> {
  const bytes = new Uint8Array(await (await fetchOk(url, { file, fetchFn })).arrayBuffer());
  if (check) await check(bytes);
  return bytes;
}

/** Parsed JSON of a file (checked like fetchBytes first when `check` is given). */
export async function fetchJson(
  url: string,
  options: { file?: string; fetchFn?: Fetch; check?: (bytes: Uint8Array) => Promise<void> } = {},
): Promise<unknown> {
  const bytes = await fetchBytes(url, options);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new FetchFailure(url, options.file ?? fileOfUrl(url), `${options.file ?? fileOfUrl(url)} is not valid JSON`);
  }
}
