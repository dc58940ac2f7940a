// The server's tests use the workspace test kit's databases; its `@alfie/server` is this package's
// source here (vitest.config.ts), so they test the code as it stands, built or not.
export * from '@alfie/test-kit/db';
