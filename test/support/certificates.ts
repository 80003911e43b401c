import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

export interface TestPki {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  /** The client key, encrypted with `passphrase`. */
  clientKey: string;
  /** The client certificate and key as a PKCS#12 bundle (base64), protected by `passphrase`. */
  clientP12: string;
  passphrase: string;
  clientCommonName: string;
}

/** A throw-away CA with a localhost server certificate and a client certificate, made with openssl. */
export function makeTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const passphrase = 'client-key-passphrase';
  const clientCommonName = 'cc-node-red-client';
  try {
    run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=cc-test-ca');
    fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext');
    run('req', '-newkey', 'rsa:2048', '-keyout', 'client.key', '-passout', `pass:${passphrase}`, '-out', 'client.csr', '-subj', `/CN=${clientCommonName}`);
    run('x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2');
    run('pkcs12', '-export', '-inkey', 'client.key', '-in', 'client.crt', '-passin', `pass:${passphrase}`, '-passout', `pass:${passphrase}`, '-out', 'client.p12');
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    return {
      ca: read('ca.crt'), serverCert: read('server.crt'), serverKey: read('server.key'),
      clientCert: read('client.crt'), clientKey: read('client.key'), passphrase, clientCommonName,
      clientP12: fs.readFileSync(path.join(dir, 'client.p12')).toString('base64'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
