import type { OpinionHold } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'

/**
 * WeChat msgSecCheck v2 on what a member writes. risky → refused (nothing stored); review →
 * accepted but held for the chair; the check unreachable → held, never dropped. The openid
 * goes to WeChat with the text (the API requires it) and is not stored by us.
 */
export async function contentVerdict(ctx: Ctx, text: string): Promise<OpinionHold | undefined> {
  const verdict = await ctx.services.secCheck({ content: text, openid: ctx.openid, scene: 2 })
  if (verdict === 'risky') {
    throw new AppError('BAD_INPUT', '内容含有违反平台规范的词语，未能提交。请修改后重试；如认为是误判，可以换一种说法。')
  }
  return verdict === 'pass' ? undefined : verdict
}
