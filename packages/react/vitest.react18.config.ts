import { reactProject } from './vitest.shared.js';

// The same test files as vitest.config.ts, against React 18 (see vitest.shared.ts).
export default reactProject(18);
