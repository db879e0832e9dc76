/**
 * `tsx emulator/cli.ts trigger <function> [triggerName] [--env name] [--url http://127.0.0.1:3900]`
 * fires a timer trigger on the running local cloud now and prints what the function returned.
 */
const DEFAULT_URL = 'http://127.0.0.1:3900'

export async function triggerCommand(positionals: string[], flags: Map<string, string | true>): Promise<void> {
  const [name, trigger] = positionals
  if (!name) {
    console.error('用法：tsx emulator/cli.ts trigger <云函数名> [触发器名] [--env 环境] [--url 本地云地址]')
    process.exit(2)
  }
  const flag = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined)
  const base = flag('url') ?? process.env.LOCAL_CLOUD_URL ?? DEFAULT_URL
  let res: Response
  try {
    res = await fetch(`${base}/local/trigger`, { method: 'POST', body: JSON.stringify({ name, trigger, env: flag('env') }) })
  } catch {
    console.error(`连不上本地云 ${base}：先运行 npm run cloud（或设置 LOCAL_CLOUD_URL）。`)
    process.exit(1)
  }
  const outcome = await res.json()
  console.log(JSON.stringify(outcome, null, 2))
  if (!outcome.ok) process.exit(1)
}
