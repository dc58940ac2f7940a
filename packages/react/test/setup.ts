import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount after every test, so a test that leaves a stream open fails the next one's leak checks.
afterEach(() => cleanup());
