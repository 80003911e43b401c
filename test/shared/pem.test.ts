import assert from 'assert/strict';
import { createSecureContext } from 'tls';
import { createPrivateKey as privateKey } from 'crypto';
import { normalizePem } from '../../nodes/shared/pem';
import { makeTestPki } from '../support/certificates';

describe('normalizePem: a PEM pasted into a single-line password input', () => {
  const pki = makeTestPki();
  const flatten = (pem: string) => pem.replace(/\r?\n/g, ' ');

  it('gives back the PEM a line-broken paste would have given', () => {
    for (const pem of [pki.ca, pki.serverCert, pki.clientKey]) assert.equal(normalizePem(flatten(pem)), normalizePem(pem));
    assert.equal(normalizePem(pki.ca).trim(), pki.ca.trim());
  });

  it('yields certificates and keys TLS accepts, chains included', () => {
    const chain = flatten(`${pki.serverCert}\n${pki.ca}`);
    assert.doesNotThrow(() => createSecureContext({ cert: normalizePem(chain), ca: normalizePem(flatten(pki.ca)) }));
    assert.doesNotThrow(() => privateKey({ key: normalizePem(flatten(pki.clientKey)), passphrase: pki.passphrase }));
  });

  it('leaves what is not PEM to the caller\'s check', () => {
    assert.equal(normalizePem('  not a certificate '), 'not a certificate');
  });
});
