import crypto from 'node:crypto'

/** Per process: temp URLs from a previous run stop working, as expired ones do in the cloud. */
const secret = crypto.randomBytes(32)

function mac(purpose: string, env: string, cloudPath: string, expires: number): string {
  return crypto.createHmac('sha256', secret).update(`${purpose}\n${env}\n${cloudPath}\n${expires}`).digest('hex').slice(0, 32)
}

export function sign(purpose: 'download' | 'upload', env: string, cloudPath: string, expires: number): string {
  return mac(purpose, env, cloudPath, expires)
}

/** True when the signature is ours and not expired (expires: unix seconds). */
export function verify(purpose: 'download' | 'upload', env: string, cloudPath: string, expires: number, signature: string): boolean {
  if (!Number.isFinite(expires) || expires * 1000 < Date.now()) return false
  const expected = Buffer.from(mac(purpose, env, cloudPath, expires))
  const given = Buffer.from(signature)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
