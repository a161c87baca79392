import { defineConfig } from 'vitest/config';

// The SDK's Node.js 22 notice, in the main process too (the global setup starts DynamoDB Local with it).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'functions/test/**/*.test.ts', 'test/**/*.test.ts'],
    // One DynamoDB Local for the run, shared by every file's own table (packages/local/src/dynamodb/global-setup.ts).
    globalSetup: ['packages/local/src/dynamodb/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The SDK's notice that releases after January 2027 need Node.js 22 (README), once per worker otherwise.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
