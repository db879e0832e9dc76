export default definePageConfig({ navigationBarTitleText: '选票核对' })
