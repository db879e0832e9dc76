import { Button } from '@tarojs/components'

/** Shares an invite card to a chat; the settings page's onShareAppMessage reads the code from the button. */
export function InviteShareButton({ code }: { code: string }) {
  return (
    <Button className='app-button app-button--secondary' openType='share' data-code={code}>
      分享
    </Button>
  )
}
