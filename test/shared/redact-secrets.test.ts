import assert from 'assert/strict';
import { generateKeyPairSync } from 'crypto';
import { redactSecrets } from '../../nodes/shared/redact-secrets';

/** A row: server text holding `secrets`; none may survive, and every piece of `keep` (the context a person needs) must. */
interface SecretRow {
  shape: string;
  text: string;
  secrets: string[];
  keep?: string[];
}

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2RlLXJlZCIsImF1ZCI6ImF4cCJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMDEyMzQ1Njc4OQ';
const UNSIGNED_JWT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJub2RlLXJlZCJ9.';

const ROWS: SecretRow[] = [
  // Passwords: JSON members, form fields, query strings; any case, password / passwd / pwd.
  { shape: 'JSON password', text: '{"username":"bob","password":"hunter2!"}', secrets: ['hunter2!'], keep: ['"username":"bob"', '"password":'] },
  { shape: 'JSON password with spaces', text: '{"Password": "correct horse battery staple"}', secrets: ['correct horse', 'battery staple'] },
  { shape: 'JSON password holding an escaped quote', text: '{"password":"ab\\"cd-efg","user":"bob"}', secrets: ['ab\\"cd', 'cd-efg'], keep: ['"user":"bob"'] },
  { shape: 'JSON passwd', text: '{"passwd":"s3cr3t-pw"}', secrets: ['s3cr3t-pw'] },
  { shape: 'JSON pwd', text: '{"pwd":"s3cr3t-pw"}', secrets: ['s3cr3t-pw'] },
  { shape: 'single-quoted member', text: "{'password': 'hunter2!'}", secrets: ['hunter2!'] },
  { shape: 'form password', text: 'grant_type=password&username=bob&password=hunter2%21&scope=openid', secrets: ['hunter2%21'], keep: ['grant_type=password', 'username=bob', 'scope=openid'] },
  { shape: 'form PASSWORD upper case', text: 'USER=bob&PASSWORD=Hunter2', secrets: ['Hunter2'], keep: ['USER=bob'] },
  { shape: 'form passwd', text: 'user=bob&passwd=hunter2', secrets: ['hunter2'] },
  { shape: 'form pwd', text: 'user=bob&pwd=hunter2', secrets: ['hunter2'] },
  { shape: 'query password', text: 'GET /login?user=bob&password=hunter2 failed with 401', secrets: ['hunter2'], keep: ['/login?user=bob', 'failed with 401'] },
  { shape: 'query PassWord mixed case', text: 'https://pbx.example.com/api?PassWord=Hunter2&x=1', secrets: ['Hunter2'], keep: ['https://pbx.example.com/api?', 'x=1'] },
  { shape: 'query Passwd', text: '/cgi?Passwd=hunter2', secrets: ['hunter2'] },
  { shape: 'query PWD', text: '/cgi?id=7&PWD=hunter2', secrets: ['hunter2'], keep: ['id=7'] },
  // Client secrets.
  { shape: 'form client_secret', text: 'grant_type=client_credentials&client_id=node-red&client_secret=sim-client-secret-7f3a', secrets: ['sim-client-secret-7f3a'], keep: ['grant_type=client_credentials', 'client_id=node-red'] },
  { shape: 'JSON client_secret', text: '{"client_id":"node-red","client_secret":"Zx9-secret"}', secrets: ['Zx9-secret'], keep: ['"client_id":"node-red"'] },
  { shape: 'JSON clientSecret', text: '{"clientId":"node-red","clientSecret":"Zx9-secret"}', secrets: ['Zx9-secret'], keep: ['"clientId":"node-red"'] },
  { shape: 'form clientSecret', text: 'clientId=node-red&clientSecret=Zx9-secret', secrets: ['Zx9-secret'] },
  // JWTs, wherever they stand.
  { shape: 'JWT in prose', text: `token ${JWT} is expired`, secrets: [JWT.split('.')[1], JWT.split('.')[2]], keep: ['is expired'] },
  { shape: 'JWT in a JSON member of another name', text: `{"authdata":"${JWT}"}`, secrets: [JWT.split('.')[1]] },
  { shape: 'unsigned JWT', text: `got ${UNSIGNED_JWT} from the IdP`, secrets: [UNSIGNED_JWT.split('.')[1]], keep: ['from the IdP'] },
  { shape: 'JWT cut short by a length cap', text: `bad token ${JWT.slice(0, 60)}…`, secrets: [JWT.slice(37, 60)] },
  // Authorization headers.
  { shape: 'Authorization: Bearer', text: `Authorization: Bearer ${JWT}\r\nAccept: application/json`, secrets: [JWT.split('.')[0], JWT.split('.')[1]], keep: ['Authorization:', 'Accept: application/json'] },
  { shape: 'authorization: Bearer opaque', text: 'authorization: bearer 2YotnFZFEjr1zCsicMWpAA', secrets: ['2YotnFZFEjr1zCsicMWpAA'] },
  { shape: 'Authorization: Basic', text: 'Authorization: Basic dXNlcjpwYXNz', secrets: ['dXNlcjpwYXNz'] },
  { shape: 'Proxy-Authorization: Basic', text: 'Proxy-Authorization: Basic bm9kZS1yZWQ6c2VjcmV0', secrets: ['bm9kZS1yZWQ6c2VjcmV0'] },
  { shape: 'Authorization as a JSON member', text: '{"headers":{"Authorization":"Bearer abc.def-123_XYZ"}}', secrets: ['abc.def-123_XYZ'] },
  { shape: 'Bearer without the header name', text: 'sent Bearer 2YotnFZFEjr1zCsicMWpAA to the API', secrets: ['2YotnFZFEjr1zCsicMWpAA'], keep: ['to the API'] },
  { shape: 'Basic without the header name', text: 'echo: Basic dXNlcjpwYXNz', secrets: ['dXNlcjpwYXNz'] },
  // Tokens in query strings and forms.
  { shape: 'query access_token', text: 'wss://events.example.com/ws?access_token=2YotnFZFEjr1&x=1', secrets: ['2YotnFZFEjr1'], keep: ['wss://events.example.com/ws?', 'x=1'] },
  { shape: 'query token', text: '/ws/notification?token=abc123XYZ', secrets: ['abc123XYZ'], keep: ['/ws/notification?'] },
  { shape: 'form refresh_token', text: 'grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA', secrets: ['tGzv3JOkF0XG5Qx2TlKWIA'], keep: ['grant_type=refresh_token'] },
  { shape: 'JSON access_token', text: '{"access_token":"abc123XYZ","token_type":"Bearer","expires_in":900}', secrets: ['abc123XYZ'], keep: ['"token_type":"Bearer"', '"expires_in":900'] },
];

/** Every BEGIN … PRIVATE KEY form a person may paste or a server may echo, from real keys where Node can make them. */
function privateKeys(): { form: string; pem: string }[] {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ed = generateKeyPairSync('ed25519');
  const dsa = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
  const passphrase = 'key-passphrase';
  return [
    { form: 'PKCS#8 (PRIVATE KEY)', pem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
    { form: 'PKCS#1 (RSA PRIVATE KEY)', pem: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string },
    { form: 'SEC1 (EC PRIVATE KEY)', pem: ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string },
    { form: 'Ed25519 (PRIVATE KEY)', pem: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
    { form: 'DSA (PRIVATE KEY)', pem: dsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
    { form: 'encrypted PKCS#8 (ENCRYPTED PRIVATE KEY)', pem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string },
    { form: 'legacy encrypted PKCS#1 (Proc-Type, DEK-Info)', pem: rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string },
    { form: 'legacy encrypted SEC1', pem: ec.privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase }) as string },
    {
      form: 'OpenSSH (OPENSSH PRIVATE KEY)',
      pem: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGZhc2RmYXNkZgAAAJgAAAAAAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
    },
  ];
}

/** What of a PEM must not survive: every line of its body (and the DEK-Info salt). */
function pemBody(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => line.length >= 8 && !line.startsWith('-----') && !/^Proc-Type:/.test(line))
    .map((line) => line.replace(/^DEK-Info: [\w-]+,/, ''));
}

/** Text that holds no secret and must come back exactly as it went in. */
const SURVIVES: { what: string; text: string }[] = [
  { what: 'a UUID subscription id', text: 'subscription 4a785201-73b8-4842-abf7-36f5e572d310 not found' },
  { what: 'a URL with path and query', text: 'POST https://uk.cc.avayacloud.com/api/notification/v1/accounts/DYNNUG/subscriptions?pageNumber=2&pageSize=50 answered 404' },
  { what: 'a host name and port', text: 'connect ECONNREFUSED api-eu-west-1.prod.example.com:443' },
  { what: 'a token field without a value, in prose', text: 'invalid token: the access token has expired' },
  { what: 'password rules in prose', text: 'password must be at least 12 characters long' },
  { what: 'token metadata', text: '{"token_type":"Bearer","expires_in":900,"scope":"notification"}' },
  { what: 'vendor status codes', text: 'CONNECTION_FAILED_INVALID_TOKEN, CONNECTION_FAILED_INTERNAL_SERVER_ERROR' },
  { what: 'an authentication scheme named in prose', text: 'Basic authentication failed; Bearer authentication required' },
  { what: 'a WWW-Authenticate challenge', text: 'WWW-Authenticate: Bearer realm="axp", error="invalid_token"' },
  { what: 'an ISO time and a Kafka topic', text: '2024-05-01T10:15:30.123Z pom.agent.state.ORG1 partition 3 offset 1234567' },
  { what: 'a grant type and client id', text: 'grant_type=client_credentials&client_id=node-red' },
  { what: 'a token URL setting', text: '{"tokenUrl":"https://idp.example.com/auth/realms/DYNNUG/protocol/openid-connect/token"}' },
  { what: 'a certificate marker', text: 'expected -----BEGIN CERTIFICATE----- in the CA field' },
  { what: 'a file path', text: 'ENOENT: /var/lib/node-red/certs/client-key.pem' },
];

describe('redactSecrets: every secret shape the pack handles, and what must survive', () => {
  for (const row of ROWS) {
    it(`removes ${row.shape}`, () => {
      const out = redactSecrets(row.text);
      for (const secret of row.secrets) assert.ok(!out.includes(secret), `"${secret}" survived in: ${out}`);
      assert.match(out, /\[redacted\]/);
      for (const kept of row.keep ?? []) assert.ok(out.includes(kept), `"${kept}" was lost: ${out}`);
    });
  }

  for (const { form, pem } of privateKeys()) {
    for (const [layout, text] of [['line-broken', pem], ['on one line (as a status or log collapses it)', pem.replace(/\s+/g, ' ')]] as const) {
      it(`removes a private key, ${form}, ${layout}, keeping the text around it`, () => {
        const out = redactSecrets(`the server echoed ${text} in its error page`);
        for (const line of pemBody(pem)) assert.ok(!out.includes(line), `"${line}" survived in: ${out}`);
        assert.match(out, /^the server echoed .*\[redacted\].* in its error page$/s);
      });
    }
  }

  it('removes a private key cut off before its END line', () => {
    const pem = privateKeys()[0].pem;
    const cut = pem.slice(0, Math.floor(pem.length / 2));
    const out = redactSecrets(`echo: ${cut}`);
    for (const line of pemBody(cut)) assert.ok(!out.includes(line), `"${line}" survived in: ${out}`);
  });

  for (const { what, text } of SURVIVES) {
    it(`leaves ${what} unchanged`, () => assert.equal(redactSecrets(text), text));
  }
});
