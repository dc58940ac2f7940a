import { JSDOM } from 'jsdom';
import { type Environment, populateGlobal } from 'vitest/runtime';

/**
 * vitest's built-in `jsdom` environment imports the jsdom that sits beside vitest in the workspace
 * (31, which needs Node 22). This one imports ours (28, Node 20 ready) and otherwise does the same:
 * DOM globals from jsdom, while fetch, AbortController and streams stay Node's own.
 */
const environment: Environment = {
  name: 'alfie-jsdom',
  viteEnvironment: 'client',
  setup(global) {
    const dom = new JSDOM('<!DOCTYPE html>', { url: 'http://localhost:3000', pretendToBeVisual: true });
    const { keys, originals } = populateGlobal(global, dom.window, { bindFunctions: true });
    return {
      teardown(target) {
        dom.window.close();
        for (const key of keys) delete target[key];
        for (const [key, value] of originals) target[key] = value;
      },
    };
  },
};

export default environment;
