export default definePageConfig({ navigationBarTitleText: '新建慰问计划' })
