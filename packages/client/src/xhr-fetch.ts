import type { UploadProgress } from './client';

/** What the upload needs of `fetch`: the same call shape, answered with a `Response`. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

// Statuses whose Response may not carry a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * `fetch` over XMLHttpRequest, for uploads: `fetch` reports no upload progress, XMLHttpRequest
 * does (`xhr.upload.onprogress`). It answers with a real `Response`, rejects with a `TypeError`
 * when no answer comes (as `fetch` does), and with the signal's reason when aborted.
 */
export function createXhrFetch(
  createXhr: () => XMLHttpRequest,
  onProgress: ((progress: UploadProgress) => void) | undefined,
): FetchLike {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const xhr = createXhr();
      xhr.open(init.method ?? 'GET', url);
      for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) {
        xhr.setRequestHeader(name, value);
      }
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.({ loadedBytes: event.loaded, totalBytes: event.total });
      };
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      xhr.onload = () => {
        settle();
        const body = NULL_BODY_STATUSES.has(xhr.status) ? null : xhr.responseText;
        resolve(new Response(body, { status: xhr.status, headers: headersOf(xhr.getAllResponseHeaders()) }));
      };
      xhr.onerror = xhr.ontimeout = () => {
        settle();
        reject(new TypeError(`${init.method ?? 'GET'} ${url}: the upload got no answer.`));
      };
      xhr.onabort = () => {
        settle();
        reject(signal?.reason as Error);
      };
      xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}
