import assert from 'assert/strict';
import fs from 'fs';
import path from 'path';

const NODES = path.resolve(__dirname, '..', '..', '..', 'nodes');
const pkg = JSON.parse(fs.readFileSync(path.resolve(NODES, '..', 'package.json'), 'utf8'));

/** Every key path of a catalog, e.g. "cc-axp-events.label.account". */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

describe('Message catalogs and help', () => {
  for (const [type, file] of Object.entries(pkg['node-red'].nodes as Record<string, string>)) {
    const dir = path.join(NODES, path.dirname(path.relative('build/nodes', file)), 'locales');
    it(`${type}: English and German catalogs with the same keys, and help in both`, () => {
      const en = JSON.parse(fs.readFileSync(path.join(dir, 'en-US', `${type}.json`), 'utf8'));
      const de = JSON.parse(fs.readFileSync(path.join(dir, 'de', `${type}.json`), 'utf8'));
      assert.deepEqual(keys(de), keys(en));
      for (const lang of ['en-US', 'de']) {
        const help = fs.readFileSync(path.join(dir, lang, `${type}.html`), 'utf8');
        assert.match(help, new RegExp(`data-help-name="${type}"`), `${lang} help for ${type}`);
        assert.equal((help.match(/<h3>/g) ?? []).length >= 4, true, `${lang} help of ${type} has its sections`);
      }
    });
  }
});
