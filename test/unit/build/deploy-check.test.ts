/** npm run deploy:check: the checklist comes from the code and refuses what a real deployment would miss. */
import { deployReport, loadInputs, type DeployInputs } from '../../../scripts/deploy-check'

const text = (input: DeployInputs) => deployReport(input).sections.flatMap((s) => [s.title, ...s.lines]).join('\n')

/** The repository as it would be once the union filled in its own ids and rules. */
function completed(): DeployInputs {
  const input = loadInputs()
  return {
    ...input,
    appid: 'wx0123456789abcdef',
    templates: Object.fromEntries(Object.keys(input.templates).map((k, i) => [k, `Xq3${i}bLkKm9-real-template-id`])),
    storageRules: input.storageRules ?? { read: false, write: 'resource.path.startsWith("uploads/")' },
    functions: input.functions.map((f) => ({ ...f, config: { ...f.config, permissions: { openapi: [...new Set([...(f.config.permissions?.openapi ?? []), 'subscribeMessage.send'])] } } })),
  }
}

describe('deploy:check', () => {
  const repo = loadInputs()

  it('lists every collection to create with each of its indexes (unique ones marked), but no test-only collection', () => {
    const out = text(repo)
    for (const [name, c] of Object.entries(repo.collections)) {
      if (/^test only/i.test(c.about ?? '')) {
        expect(out).not.toMatch(new RegExp(`^${name}\\b`, 'm'))
        continue
      }
      expect(out).toMatch(new RegExp(`^${name}\\b`, 'm'))
      for (const i of c.indexes) expect(out).toContain(`索引 ${i.name}：`)
    }
    expect(out).toContain('openid_unique：openid 升序（唯一）')
  })

  it('lists every function with its environment variables, openapi permissions, timeout and timers', () => {
    const out = text(repo)
    for (const fn of repo.functions) expect(out).toMatch(new RegExp(`^${fn.name}：openapi 权限`, 'm'))
    expect(out).toContain('SETUP_CODE、APP_SECRET')
    expect(out).toContain('定时触发器 remindOverdue')
  })

  it('names the privacy-guide items the code needs, with the files that need them', () => {
    const out = text(repo)
    expect(out).toMatch(/收集你选中的照片或视频信息 — .*src\/services\/files\.weapp\.ts/)
    expect(out).toMatch(/收集你选中的文件 — .*files\.weapp\.ts/)
    expect(out).toMatch(/剪切板 — .*ReceiptCard\.tsx/)
    expect(out).not.toContain('files.h5.ts')
  })

  it('names the download domain when the app downloads files, and the minimum base library', () => {
    const out = text(repo)
    expect(out).toContain('downloadFile 合法域名')
    expect(out).toContain('基础库最低版本：2.20.2')
  })

  it('refuses the placeholder appid and placeholder template ids', () => {
    const blockers = deployReport(repo).blockers.join('\n')
    expect(blockers).toContain('touristappid')
    expect(blockers).toMatch(/\d+ 个订阅消息模板 ID 还是占位/)
  })

  it('passes once appid, template ids, storage rules and permissions are real', () => {
    expect(deployReport(completed()).blockers).toEqual([])
  })

  it('refuses a collection without a security rule, and a sending function without subscribeMessage.send', () => {
    const input = completed()
    const { members: _members, ...rules } = input.securityRules
    const sender = input.functions.find((f) => f.sends)!
    const blockers = deployReport({
      ...input,
      securityRules: rules,
      functions: input.functions.map((f) => (f === sender ? { ...f, config: { ...f.config, permissions: { openapi: [] } } } : f)),
    }).blockers.join('\n')
    expect(blockers).toContain('没有集合 members 的安全规则')
    expect(blockers).toContain(`cloudfunctions/${sender.name}/config.json 缺少 subscribeMessage.send`)
  })

  it('refuses when the storage rules file is missing', () => {
    expect(deployReport({ ...completed(), storageRules: null }).blockers.join('\n')).toContain('storage-rules.json 不存在')
  })
})
