/** The built-in local engines (image, video, planner): real renders with no provider, for the downloads tests. */
import type { Engines } from '../../src/engines/index.js';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { createLocalPlanner } from '../../src/engines/local/planner.js';
import { createLocalVideoEngine } from '../../src/engines/local/video-engine.js';

export function localEngines(): Engines {
  return {
    image: createLocalImageEngine(),
    video: createLocalVideoEngine(),
    planner: createLocalPlanner(),
  };
}
