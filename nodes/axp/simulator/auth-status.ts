/** The authenticationResponse statuses (AsyncAPI `AuthenticationResponse.status`). */
export const AUTH_CONFIRMED = 'CONNECTION_CONFIRMED';

export const AUTH_FAILURES = [
  'CONNECTION_FAILED_INVALID_TOKEN',
  'CONNECTION_FAILED_UNKNOWN_SUBSCRIPTION',
  'CONNECTION_FAILED_INTERNAL_SERVER_ERROR',
  'CONNECTION_FAILED_CONSTRAINT_VIOLATION',
] as const;

export type AuthFailure = (typeof AUTH_FAILURES)[number];
export type AuthStatus = typeof AUTH_CONFIRMED | AuthFailure;

export function isAuthFailure(status: string): status is AuthFailure {
  return (AUTH_FAILURES as readonly string[]).includes(status);
}
