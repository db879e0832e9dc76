import fs from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as any).__LOCAL_CLOUD__
  if (!state) return
  state.child.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 300))
  fs.rmSync(state.dataRoot, { recursive: true, force: true })
}
