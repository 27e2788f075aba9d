// The lib/dom API as a content script bundles it: the e2e tests and the benchmark build this file to an IIFE
// with esbuild and run it in an isolated world, where it sets `globalThis.__tianbaoDom`.
import * as focus from '../../../lib/dom/focus';
import * as discovery from '../../../lib/dom/discovery';
import * as composition from '../../../lib/dom/composition';
import * as insert from '../../../lib/dom/insert';

const api = { ...focus, ...discovery, ...composition, ...insert };
(globalThis as unknown as { __tianbaoDom: typeof api }).__tianbaoDom = api;
