import { httpRequest, type HttpRequest, type HttpResponse } from '../../shared/http/http-request';
import { checkEncrypted } from './encrypted-links';

export interface AxpRequest extends HttpRequest {
  /** Plain http:// to another machine is refused unless this is set (see encrypted-links). */
  allowUnencrypted: boolean;
  /** What the request would expose on an unencrypted link, for the refusal ("the client secret"). */
  exposes: string;
  /** Names the link in the refusal ("the token URL"). */
  link: string;
}

/**
 * Every HTTP request of the AXP client: refused before any connection or DNS lookup when it would carry a secret
 * unencrypted to another machine.
 */
export function axpRequest(request: AxpRequest): Promise<HttpResponse> {
  try {
    checkEncrypted(request.url, request.link, request.exposes, request.allowUnencrypted);
  } catch (err) {
    return Promise.reject(err);
  }
  return httpRequest(request);
}
