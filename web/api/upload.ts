/**
 * Multipart uploads with progress. fetch() cannot report upload progress, so this one helper uses
 * XMLHttpRequest; like web/api/client.ts it sends the session's CSRF token (same rule: withCsrf)
 * and the cookies, and turns an error status into the same ApiError.
 */
import { ApiError, toApiError, withCsrf } from './client.ts';

export interface UploadProgress {
  /** Bytes sent so far and in all; total is null when the browser cannot tell. */
  loaded: number;
  total: number | null;
}

export interface UploadOptions {
  csrfToken: string | null;
  onProgress?: (progress: UploadProgress) => void;
  /** Called once the last byte has left: the server is now reading the file. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/** The answer: status and parsed JSON body (null when the body is not JSON). */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs `form` to `url`. Resolves with any status in `acceptStatuses` (default: 2xx), rejects with
 * an ApiError for the others (its bilingual text when the server sent one), and with
 * ApiError(0) when the network fails or the upload is aborted.
 */
export function postMultipart(
  url: string,
  form: FormData,
  options: UploadOptions,
  acceptStatuses: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    // The same headers fetch would get from the RPC client (the browser sets the multipart boundary).
    new Headers(withCsrf({ method: 'POST' }, options.csrfToken).headers).forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onload = () => {
      const text = xhr.responseText;
      if (acceptStatuses(xhr.status)) {
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          body = null;
        }
        resolve({ status: xhr.status, body });
        return;
      }
      void toApiError({ status: xhr.status, text: async () => text }).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', null));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', null));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new ApiError(0, 'aborted', null));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}
