import assert from 'assert/strict';
import fs from 'fs';
import path from 'path';
import { FINESSE_COMMANDS } from '../../nodes/finesse/schema/commands';

const NODES = path.resolve(__dirname, '..', '..', '..', 'nodes');
const pkg = JSON.parse(fs.readFileSync(path.resolve(NODES, '..', 'package.json'), 'utf8'));

/** Section headings of the help, in order; the vendor-specific sections (event types, commands) sit before References. */
const SECTIONS: Record<string, { first: string[]; last: string }> = {
  'en-US': { first: ['Inputs', 'Outputs', 'Details'], last: 'References' },
  de: { first: ['Eingangsdaten', 'Ausgangsdaten', 'Details'], last: 'Referenzen' },
};

/**
 * The `msg` properties each node reads or sets: ARCHITECTURE.md's message contract (topic, payload, event, the
 * transport's metadata, and error on the unreadable output) and the inputs each node's code reads.
 */
const MSG_PROPERTIES: Record<string, string[]> = {
  'cc-genesys-agentstate': ['topic', 'payload', 'event', 'kafka', 'error'],
  'cc-pom-events': ['topic', 'payload', 'event', 'kafka', 'error'],
  'cc-kafka-ack': ['kafka'],
  'cc-kafka-publish': ['payload', 'key', 'topic'],
  'cc-agent-state': ['event', 'topic', 'payload', 'counts', 'countsByVendor'],
  'cc-finesse-events': ['topic', 'payload', 'event', 'stomp', 'error'],
  'cc-finesse-command': ['command', 'agentId', 'payload', 'topic', 'event', 'stomp', 'error'],
  'cc-axp-events': ['topic', 'payload', 'event', 'ws', 'error'],
  'cc-analytics-measures': ['topic', 'payload', 'event', 'ws', 'error'],
  'cc-analytics-query': ['query', 'sourceId', 'locale', 'producerId', 'dimDataType', 'payload', 'topic'],
};

/**
 * Catalog subtrees that translate texts whose English lives in the schema (the runtime's errors quote it), so the
 * English catalog has no copy of them; the editor falls back to the schema's English.
 */
const SCHEMA_TRANSLATIONS: Record<string, string> = { 'cc-finesse-command': 'cc-finesse-command.commands.' };

/** Every key a translation of the Finesse command catalogue needs: description, caveat where the schema has one, each argument. */
function commandTextKeys(): string[] {
  return FINESSE_COMMANDS.flatMap((c) => [
    `cc-finesse-command.commands.${c.name}.description`,
    ...(c.caveat ? [`cc-finesse-command.commands.${c.name}.caveat`] : []),
    ...c.args.map((a) => `cc-finesse-command.commands.${c.name}.args.${a.name}`),
  ]).sort();
}

/** Every key path of a catalog, e.g. "cc-axp-events.label.account". */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

describe('Message catalogs and help', () => {
  for (const [type, file] of Object.entries(pkg['node-red'].nodes as Record<string, string>)) {
    const vendorDir = path.join(NODES, path.dirname(path.relative('build/nodes', file)));
    const dir = path.join(vendorDir, 'locales');

    it(`${type}: English and German catalogs with the same keys`, () => {
      const en = JSON.parse(fs.readFileSync(path.join(dir, 'en-US', `${type}.json`), 'utf8'));
      const de = JSON.parse(fs.readFileSync(path.join(dir, 'de', `${type}.json`), 'utf8'));
      const translated = SCHEMA_TRANSLATIONS[type];
      const own = (k: string) => !translated || !k.startsWith(translated);
      assert.deepEqual(keys(de).filter(own), keys(en));
      assert.deepEqual(keys(en).filter((k) => !own(k)), [], `the English of ${type}'s ${translated}* lives in the schema`);
    });

    if (type === 'cc-finesse-command') {
      it(`${type}: German translates every command's description, caveat and argument label of the schema`, () => {
        const de = JSON.parse(fs.readFileSync(path.join(dir, 'de', `${type}.json`), 'utf8'));
        const translated = keys(de).filter((k) => k.startsWith(SCHEMA_TRANSLATIONS[type]));
        assert.deepEqual(translated, commandTextKeys());
        for (const c of FINESSE_COMMANDS) {
          const german = de[type].commands[c.name] as { description: string; caveat?: string; args?: Record<string, string> };
          assert.notEqual(german.description, c.description, `${c.name}'s description is translated`);
          assert.notEqual(german.caveat, c.caveat ?? '', `${c.name}'s caveat is translated`);
          for (const a of c.args) assert.notEqual(german.args?.[a.name], a.label, `${c.name}'s ${a.name} is translated`);
        }
      });
    }

    it(`${type}: help in both languages with Inputs / Outputs / Details / References and every msg property`, () => {
      for (const [lang, sections] of Object.entries(SECTIONS)) {
        const help = fs.readFileSync(path.join(dir, lang, `${type}.html`), 'utf8');
        assert.match(help, new RegExp(`data-help-name="${type}"`), `${lang} help for ${type}`);
        const headings = [...help.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
        assert.deepEqual(headings.slice(0, 3), sections.first, `${lang} help of ${type} opens with its sections`);
        assert.equal(headings[headings.length - 1], sections.last, `${lang} help of ${type} ends with ${sections.last}`);
        const documented = new Set([...help.matchAll(/<dt[^>]*>\s*([A-Za-z]+)/g)].map((m) => m[1]));
        const missing = (MSG_PROPERTIES[type] ?? []).filter((p) => !documented.has(p));
        assert.deepEqual(missing, [], `${lang} help of ${type} lists every msg property`);
      }
    });

    it(`${type}: every text of the dialog and every label comes from the catalog`, () => {
      const html = fs.readFileSync(path.join(vendorDir, `${type}.html`), 'utf8');
      const template = /<script type="text\/html" data-template-name="[^"]+">([\s\S]*?)<\/script>/.exec(html);
      assert.ok(template, `${type} has a dialog template`);
      // Texts come from data-i18n on empty elements, so nothing is left once the tags are gone.
      const literal = template[1].replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
      assert.equal(literal, '', `text in the ${type} dialog outside the catalog`);
      assert.match(html, /paletteLabel: function \(\) \{ return this\._\(/, `${type} takes its palette label from the catalog`);
      const label = /label: function \(\) \{([\s\S]*?)\n {8,12}\}/.exec(html);
      assert.ok(label, `${type} has a label function`);
      assert.doesNotMatch(label[1].replace(/this\._\([^)]*\)/g, '').replace(/'Default'/g, ''), /'[^']*[A-Za-z][^']*'/, `${type}'s label has a literal text`);
    });
  }
});
