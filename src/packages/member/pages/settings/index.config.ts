export default definePageConfig({ navigationBarTitleText: '加入方式与名册' })
