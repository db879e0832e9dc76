/**
 * Prints each test file as it starts and ends, with the time since the run began. Jest's own
 * reporter writes a file's result only when it ends, so a file that hangs would leave no trace in
 * a step's log; with these lines the log names it (scripts/lib.mjs kills a step that overruns).
 */
class ProgressReporter {
  constructor() { this.started = Date.now() }
  clock() { return `${((Date.now() - this.started) / 1000).toFixed(0).padStart(4)} s` }
  name(test) { return require('node:path').relative(process.cwd(), test.path) }
  onTestFileStart(test) { process.stderr.write(`${this.clock()}  ▶ ${this.name(test)}\n`) }
  onTestFileResult(test, result) {
    const secs = ((result.perfStats.end - result.perfStats.start) / 1000).toFixed(1)
    process.stderr.write(`${this.clock()}  ${result.numFailingTests || result.testExecError ? '✖' : '✔'} ${this.name(test)}（${secs} s）\n`)
  }
}
module.exports = ProgressReporter
