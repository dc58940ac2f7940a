import { reactProject } from './vitest.shared.js';

// React 19. vitest.react18.config.ts runs the same files against React 18.
export default reactProject(19);
