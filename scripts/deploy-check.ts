/**
 * npm run deploy:check — the checklist of a real deployment, generated from the code:
 * collections and indexes (collections.json), database and storage rules, every function's
 * environment variables, openapi permissions, timeout and timers (config.json), the privacy-guide
 * entries the app's code needs, the download domain, the minimum base library, and the template
 * ids still left as placeholders. Exits 1 when something a real deployment needs is missing
 * (placeholder appid or template ids, missing rules, a sending function without permission).
 *
 *   npx tsx scripts/deploy-check.ts [--quiet]     (--quiet prints only what blocks)
 */
import fs from 'node:fs'
import path from 'node:path'
import { TEMPLATES } from '../types/templates'
import { serverEnvSchema } from '../cloudfunctions/_shared/env'
import { functionConfig, functionNames, read, relative, root, sendingFunctions, weappSources, type FunctionConfig } from './code-scan'
const { MIN_BASE_LIBRARY } = require('../config/weapp-targets') as { MIN_BASE_LIBRARY: string }

interface Index { name: string; keys: Array<[string, 1 | -1]>; unique?: boolean }
interface Collection { about?: string; indexes: Index[] }

/** Everything the check reads, loaded from the repository (tests pass variations). */
export interface DeployInputs {
  appid: string
  templates: Record<string, string>
  collections: Record<string, Collection>
  securityRules: Record<string, unknown>
  /** null when cloudfunctions/_database/storage-rules.json does not exist */
  storageRules: unknown
  functions: Array<{ name: string; config: FunctionConfig; sends: boolean }>
  envVariables: string[]
  /** weapp source file → its text */
  appSources: Record<string, string>
}

export interface DeployReport {
  sections: Array<{ title: string; lines: string[] }>
  /** what a real deployment would miss, one line each */
  blockers: string[]
}

/** WeChat's privacy-guide items (用户隐私保护指引) and the APIs / components that require each. */
const PRIVACY_ITEMS: Array<{ item: string; patterns: RegExp[] }> = [
  { item: '收集你选中的照片或视频信息', patterns: [/\b(chooseImage|chooseMedia|chooseVideo)\(/] },
  { item: '收集你选中的文件', patterns: [/\bchooseMessageFile\(/] },
  { item: '读取/写入你的剪切板', patterns: [/\b(setClipboardData|getClipboardData)\(/] },
  { item: '使用你的相册（仅写入）权限', patterns: [/\b(saveImageToPhotosAlbum|saveVideoToPhotosAlbum)\(/] },
  { item: '收集你的位置信息', patterns: [/\b(getLocation|startLocationUpdate|getFuzzyLocation)\(/] },
  { item: '收集你选择的位置信息', patterns: [/\b(chooseLocation|choosePoi)\(/] },
  { item: '收集你的地址', patterns: [/\bchooseAddress\(/] },
  { item: '收集你的手机号', patterns: [/openType=['"{]+getPhoneNumber/, /openType=['"{]+getRealtimePhoneNumber/] },
  { item: '收集你的昵称、头像', patterns: [/openType=['"{]+chooseAvatar/, /type=['"{]+nickname/] },
  { item: '访问你的摄像头', patterns: [/<Camera\b/, /scope\.camera/] },
  { item: '访问你的麦克风', patterns: [/\b(startRecord|getRecorderManager)\(/, /scope\.record/] },
  { item: '使用你的日历（仅写入）权限', patterns: [/\b(addPhoneCalendar|addPhoneRepeatCalendar)\(/] },
  { item: '使用你的通讯录（仅写入）权限', patterns: [/\baddPhoneContact\(/] },
]

const PLACEHOLDER_APPID = 'touristappid'
const isPlaceholderTemplate = (id: string) => /^tpl_/.test(id) || id.trim() === ''
const isTestOnly = (c: Collection) => /^test only/i.test(c.about ?? '')

export function loadInputs(): DeployInputs {
  const json = (file: string) => JSON.parse(read(path.join(root, file)))
  const storageFile = path.join(root, 'cloudfunctions/_database/storage-rules.json')
  const sending = new Set(sendingFunctions())
  return {
    appid: String(json('project.config.json').appid ?? ''),
    templates: { ...TEMPLATES },
    collections: json('cloudfunctions/_database/collections.json').collections,
    securityRules: json('cloudfunctions/_database/security-rules.json').rules,
    storageRules: fs.existsSync(storageFile) ? JSON.parse(read(storageFile)) : null,
    functions: functionNames().map((name) => ({ name, config: functionConfig(name), sends: sending.has(name) })),
    envVariables: Object.keys(serverEnvSchema.shape),
    appSources: Object.fromEntries(weappSources().map((f) => [relative(f), read(f)])),
  }
}

const indexLine = (i: Index) => `${i.name}：${i.keys.map(([field, dir]) => `${field} ${dir === 1 ? '升序' : '降序'}`).join('，')}${i.unique ? '（唯一）' : ''}`

export function deployReport(input: DeployInputs): DeployReport {
  const blockers: string[] = []
  const sections: DeployReport['sections'] = []
  const section = (title: string, lines: string[]) => sections.push({ title, lines })

  // The app itself.
  const appLines = [`AppID：${input.appid}`, `基础库最低版本：${MIN_BASE_LIBRARY}（小程序管理后台 → 设置 → 基本设置 → 基础库最低版本设置；原因见 config/weapp-targets.js）`]
  if (input.appid === PLACEHOLDER_APPID || !/^wx[0-9a-f]{16}$/.test(input.appid)) {
    blockers.push(`project.config.json 的 appid 还是占位 "${input.appid}"：换成工会小程序自己的 AppID（wx 开头 18 位）`)
  }
  section('小程序', appLines)

  // Database.
  const deployed = Object.entries(input.collections).filter(([, c]) => !isTestOnly(c))
  const dbLines: string[] = []
  for (const [name, c] of deployed) {
    dbLines.push(`${name}${c.about ? ` — ${c.about}` : ''}`)
    for (const i of c.indexes) dbLines.push(`    索引 ${indexLine(i)}`)
    if (c.indexes.length === 0) dbLines.push('    （只有默认的 _id 索引）')
    const rule = input.securityRules[name]
    dbLines.push(`    安全规则：${rule ? JSON.stringify(rule) : '缺失'}`)
    if (!rule) blockers.push(`security-rules.json 没有集合 ${name} 的安全规则`)
  }
  section(`数据库：${deployed.length} 个集合（云开发控制台 → 数据库 → 添加集合；索引管理里按下列字段建索引，唯一索引勾选"唯一"；数据权限 → 自定义安全规则）`, dbLines)

  // Storage.
  if (input.storageRules === null) {
    blockers.push('cloudfunctions/_database/storage-rules.json 不存在：云存储的安全规则（客户端只能写 uploads/，读取只经函数给出的临时链接）没有可照抄的来源')
    section('云存储安全规则', ['缺失：cloudfunctions/_database/storage-rules.json'])
  } else {
    section('云存储安全规则（云开发控制台 → 存储 → 权限设置 → 自定义安全规则，粘贴 rules）', JSON.stringify(input.storageRules, null, 2).split('\n'))
  }

  // Functions.
  const fnLines: string[] = [`环境变量（每个云函数都设，值相同）：${input.envVariables.join('、')}`,
    '  SETUP_CODE：6–32 位字母数字，第一个输入它的人成为主席；APP_SECRET：≥ 16 位随机串，设定后不要再改', '']
  for (const fn of input.functions) {
    const openapi = fn.config.permissions?.openapi ?? []
    const extra = Object.keys(fn.config.envVariables ?? {})
    fnLines.push(`${fn.name}：openapi 权限 [${openapi.join(', ') || '无'}]，超时 ${fn.config.timeout ?? 3} 秒${extra.length ? `，另需环境变量 ${extra.join('、')}` : ''}`)
    for (const t of fn.config.triggers ?? []) fnLines.push(`    定时触发器 ${t.name}：${t.config}`)
    if (fn.sends && !openapi.includes('subscribeMessage.send')) {
      blockers.push(`cloudfunctions/${fn.name}/config.json 缺少 subscribeMessage.send 权限：它发送的订阅消息都会被微信拒绝`)
    }
  }
  section(`云函数：${input.functions.length} 个（npm run build:functions 后在开发者工具里"上传并部署：云端安装依赖"；config.json 随函数上传）`, fnLines)

  // Subscription templates.
  const tplLines = Object.entries(input.templates).map(([purpose, id]) => `${purpose}：${id}${isPlaceholderTemplate(id) ? '  ← 占位，未替换' : ''}`)
  const placeholders = Object.entries(input.templates).filter(([, id]) => isPlaceholderTemplate(id)).map(([p]) => p)
  if (placeholders.length) {
    blockers.push(`types/templates.ts 里 ${placeholders.length} 个订阅消息模板 ID 还是占位（${placeholders.join('、')}）：在小程序后台 → 订阅消息 选用模板，把 ID 填进去，关键词与各函数发送的字段一致`)
  }
  section('订阅消息模板（types/templates.ts）', tplLines)

  // Privacy guide.
  const privacyLines: string[] = []
  for (const { item, patterns } of PRIVACY_ITEMS) {
    const files = Object.entries(input.appSources).filter(([, text]) => patterns.some((p) => p.test(text))).map(([file]) => file)
    if (files.length) privacyLines.push(`${item} — ${files.join('、')}`)
  }
  section('用户隐私保护指引（小程序管理后台 → 设置 → 用户隐私保护指引；逐项写明用途，否则提审不通过）',
    privacyLines.length ? privacyLines : ['代码里没有调用需要声明的隐私接口'])

  // Domains.
  const downloaders = Object.entries(input.appSources).filter(([, text]) => /\bdownloadFile\(/.test(text)).map(([file]) => file)
  section('服务器域名（小程序管理后台 → 开发管理 → 开发设置 → 服务器域名）', downloaders.length
    ? [`downloadFile 合法域名：云存储临时链接的域名 https://<环境的存储域名>.tcb.qcloud.la（云开发控制台 → 存储 → 任一文件的下载地址里可以看到）`, `  用到它的代码：${downloaders.join('、')}`, 'request / uploadFile / socket 合法域名：不需要（只经 wx.cloud 调用云函数、上传云存储）']
    : ['不需要配置：只经 wx.cloud 调用云函数和云存储'])

  return { sections, blockers }
}

function main(): void {
  const quiet = process.argv.includes('--quiet')
  const report = deployReport(loadInputs())
  if (!quiet) {
    for (const s of report.sections) {
      console.log(`\n■ ${s.title}`)
      for (const line of s.lines) console.log(line ? `  ${line}` : '')
    }
  }
  if (report.blockers.length) {
    console.log(`\n✖ 真实部署还缺 ${report.blockers.length} 项：`)
    for (const b of report.blockers) console.log(`  - ${b}`)
    process.exit(1)
  }
  console.log('\n✔ 代码这一侧齐了：按上面的清单在控制台逐项设置即可。')
}

if (require.main === module) main()
