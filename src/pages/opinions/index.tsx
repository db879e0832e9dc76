import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { MembersOnly } from '@/components/me/MembersOnly'
import { OpinionLists } from '@/components/opinion/OpinionLists'
import '@/components/opinion/opinion.scss'

function SubmitCard() {
  return (
    <View className='submit-card'>
      <Text className='submit-card__title'>有意见、有建议，跟工会说</Text>
      <Text className='submit-card__text'>默认匿名，谁也查不到是谁写的；条条有答复，件件有回音。</Text>
      <AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/opinion/pages/submit/index' })}>
        我要提意见
      </AppButton>
    </View>
  )
}

export default function OpinionsPage() {
  return (
    <PageShell>
      <MembersOnly reason='意见箱只对工会会员开放。申请加入后，可以匿名或署名向工会提意见，并看到工会的答复。'>
        <View>
          <SubmitCard />
          <OpinionLists />
        </View>
      </MembersOnly>
    </PageShell>
  )
}
