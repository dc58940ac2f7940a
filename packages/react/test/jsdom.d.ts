// The part of jsdom the test environment uses. @types/jsdom is left out on purpose: it pulls a second
// @types/node whose web-stream globals clash with the workspace's when server sources are typechecked.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
