import assert from 'assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { packProject } from '../support/node-red-process';
import { CATALOGUE_CHECKS, CHECKS, unpack, validate, type Check, type Scorecard } from '../support/scorecard';

const WHAT: Record<Check, string> = {
  P01: 'declares a licence',
  P03: 'links a repository or a bug tracker',
  P04: 'has a scoped or otherwise valid name',
  P05: 'has the node-red keyword',
  P06: 'declares a node-red.version that a current Node-RED satisfies',
  P07: 'declares an engines.node that admits the Node.js the latest Node-RED needs',
  P08: 'has no similarly named package in the Flow Library catalogue',
  N01: 'uses node types that no other package in the Flow Library catalogue uses',
  N02: 'ships examples that use every non-config node',
  D01: 'has six dependencies or fewer',
  D02: 'has no known-incompatible package in its dependency tree',
  D03: 'declares dependency ranges that admit their latest versions',
};

/**
 * The Flow Library scorecard of the pack as published: `node-red-dev validate` on the `npm pack` tarball, unpacked
 * as the Flow Library unpacks it. Each check must pass with no warning; one that could not run here says why.
 */
describe('Flow Library scorecard of the packed pack (node-red-dev validate)', function () {
  this.timeout(180000);
  let work: string;
  let scorecard: Scorecard;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-pack-'));
    scorecard = validate(unpack(packProject(work), path.join(work, 'package')));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const check of CHECKS) {
    it(`${check} ${WHAT[check]}`, function () {
      if (CATALOGUE_CHECKS.includes(check) && scorecard.catalogueUnreachable) {
        console.log(`      ${check} not run: the Flow Library catalogue is unreachable (${scorecard.catalogueUnreachable})`);
        this.skip();
      }
      assert.deepEqual(scorecard.findings[check], [], `${check} ${WHAT[check]}:\n  ${scorecard.findings[check].join('\n  ')}`);
    });
  }

  it('P02 package name matches the package.json in its repository: not run, node-red-dev 0.1.6 disables it');

  it('says nothing that no check accounts for', () => {
    assert.deepEqual(scorecard.unattributed, [], `node-red-dev said:\n  ${scorecard.unattributed.join('\n  ')}`);
  });
});
