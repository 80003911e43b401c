/**
 * The 20 error names of the vendor document (digest §5), in its order. GC may send others; they
 * are delivered all the same, with `documented: false`.
 */
export const FINESSE_ERROR_NAMES = [
  'SUBSCRIPTION_FAILED',
  'UNABLE_TO_SUBSCRIBE_TO_FINESSE',
  'SESSION_INVALIDATED',
  'LICENSES_EXCEEDED',
  'MISSING_EXTENSION',
  'WRONG_EXTENSION',
  'MISSING_PASSWORD',
  'USER_NOT_FOUND',
  'GENERAL_ERROR',
  'CF_GENERIC_UNSPECIFIED',
  'CF_INVALID_LOGON_DEVICE_SPECIFIED',
  'CF_RESOURCE_BUSY',
  'CF_INVALID_OBJECT_STATE',
  'PLEASE_RETRY',
  'MISSING_REASON_CODE',
  'MISSING_DIALOG_ID',
  'MISSING_NUMBER',
  'E_CTI_INVALID_CALL_ID',
  'CF_GENERIC_OPERATION',
  'INVALID_CALL_DATA',
] as const;

export type FinesseErrorName = (typeof FINESSE_ERROR_NAMES)[number];

const DOCUMENTED: ReadonlySet<string> = new Set(FINESSE_ERROR_NAMES);

export function isDocumentedError(name: string): name is FinesseErrorName {
  return DOCUMENTED.has(name);
}
