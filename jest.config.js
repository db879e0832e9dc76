/**
 * Test layers (see ../shared/architecture.md). `npm test` (scripts/test.mjs) runs them in phases,
 * because the weapp and e2e layers need the production builds first.
 */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } }],
}
// Styles first: the first match wins, and '@/…/x.scss' must become the stub, not the stylesheet.
const moduleNameMapper = { '\\.(css|scss|sass)$': '<rootDir>/test/support/style-stub.js', '^@/(.*)$': '<rootDir>/src/$1' }
const base = { rootDir: __dirname, transform, moduleNameMapper }

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/build/weapp-'] },
    // Static checks of the production weapp build (dist/): run after `npm run build:weapp`.
    { ...base, displayName: 'build', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/build/weapp-*.test.ts'] },
    {
      ...base,
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{emulator,functions}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    { ...base, displayName: 'app', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/app/**/*.test.{ts,tsx}'] },
    { ...base, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/weapp/**/*.test.{ts,tsx}'] },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
}
