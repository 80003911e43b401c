/**
 * A PEM text as OpenSSL wants it. Credentials are typed into single-line password inputs (they must never be
 * shown again), which turn a pasted PEM's line breaks into spaces: each block is rebuilt with its header, its
 * base64 in 64-character lines, and its footer. Headers inside an encrypted key (Proc-Type, DEK-Info) keep
 * their own lines.
 */
export function normalizePem(text: string): string {
  const blocks = text.match(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g);
  if (!blocks) return text.trim();
  return blocks.map((block) => {
    const [, label, inner] = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END/.exec(block)!;
    const headers = inner.match(/[A-Za-z-]+: [^\s]+/g) ?? [];
    const body = headers.reduce((rest, header) => rest.replace(header, ''), inner).replace(/\s+/g, '');
    const lines = body.match(/.{1,64}/g) ?? [];
    const head = headers.length ? `${headers.join('\n')}\n\n` : '';
    return `-----BEGIN ${label}-----\n${head}${lines.join('\n')}\n-----END ${label}-----`;
  }).join('\n');
}
