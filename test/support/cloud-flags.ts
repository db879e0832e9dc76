/**
 * Node flags for every local cloud a test run starts (emulator/spawn.ts reads LOCAL_CLOUD_NODE_ARGS;
 * the run's workers and the clouds their files start inherit it). `npm start` and the benchmarks
 * keep V8's defaults.
 *
 * --liftoff-only: PGlite's WebAssembly runs on V8's baseline compiler, without optimising hot
 * functions in the background. A test run's clouds live for seconds to minutes, and optimising
 * PostgreSQL's hot paths cost more than it saved there: a cloud's start took ~3.0 s of CPU against
 * ~5.3 s (background compile threads 0.6 s against 2.4 s), three browser files 55 and 54 s of CPU
 * against 58 and 63 s, and the PGlite step's clouds 178 and 180 s against 204 and 189 s, back to
 * back. A long-lived cloud under a burst keeps the defaults' edge (bench: 1,000 increments 5.2 s of
 * CPU against 5.5 s). On the PostgreSQL server profile no WebAssembly runs, so it changes nothing.
 */
export function setTestRunCloudFlags(): void {
  process.env.LOCAL_CLOUD_NODE_ARGS ??= '--liftoff-only'
}
