export default definePageConfig({ navigationBarTitleText: '慰问详情' })
