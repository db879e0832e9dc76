import { View, Text } from '@tarojs/components'
import { NavCell } from '../common/NavCell'
import { getPersona } from '../../dev/session'
import './me.scss'

/** Local build only: switch the demo person (the picker page lives in the h5-only subpackage). */
export function DevSwitchEntry() {
  const persona = getPersona()
  return (
    <View>
      <Text className='me-group__label'>本地演示</Text>
      <View className='me-group'>
        <NavCell
          title='切换身份'
          hint={persona ? `${persona.label} · ${persona.name}` : '未选择'}
          url='/packages/dev/pages/sign-in/index'
        />
      </View>
    </View>
  )
}
