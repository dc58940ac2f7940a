// The server's tests use the workspace test kit's app starter; its `@alfie/server` is this package's
// source here (vitest.config.ts), so they test the code as it stands, built or not.
export * from '@alfie/test-kit/app';
