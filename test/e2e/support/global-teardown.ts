import fs from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const seeded = process.env.E2E_SEEDED_DATA
  if (seeded) fs.rmSync(seeded, { recursive: true, force: true })
}
