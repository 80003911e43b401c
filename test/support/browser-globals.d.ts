// What functions handed to Playwright's page.evaluate see in the Node-RED editor. Declared loosely here
// rather than through lib "dom", which would let the Node-only runtime code type-check against the DOM.
declare const RED: any;
declare const document: any;
declare function getComputedStyle(element: unknown): { right: string };
declare const window: any;
