/**
 * POM's eventsdk.properties lists cipher suites by their Java (JSSE/IANA) names; Node's TLS takes
 * OpenSSL names. Users paste either, so both are accepted and the Java ones translated.
 */
const SIGNALLING_ONLY = new Set(['TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 'TLS_FALLBACK_SCSV']);
const TLS13_SUITES = new Set(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256']);

export function opensslCipherName(name: string): string | undefined {
  if (SIGNALLING_ONLY.has(name)) return undefined;
  if (TLS13_SUITES.has(name) || !name.startsWith('TLS_') || !name.includes('_WITH_')) return name;
  const [exchange, cipher] = name.slice(4).split('_WITH_');
  const body = cipher
    .replace(/^AES_(128|256)_/, 'AES$1_')
    .replace(/_CBC_/, '_')
    .replace(/^CHACHA20_POLY1305_SHA256$/, 'CHACHA20_POLY1305')
    .replace(/_/g, '-');
  return exchange === 'RSA' ? body : `${exchange.replace(/_/g, '-')}-${body}`;
}

/** A comma- or colon-separated list in either naming, as the OpenSSL cipher string Node expects. */
export function opensslCipherList(list: string): string {
  const names = list.split(/[,:\s]+/).map((n) => n.trim()).filter(Boolean).map(opensslCipherName);
  return [...new Set(names.filter((n): n is string => Boolean(n)))].join(':');
}
