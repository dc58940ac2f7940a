import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The CI machine is shared and slow at times: give async assertions room before they fail.
configure({ asyncUtilTimeout: 5000 });

// Unmount after every test, so a test that leaves a stream open fails the next one's leak checks.
afterEach(() => cleanup());
