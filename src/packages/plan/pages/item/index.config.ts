export default definePageConfig({ navigationBarTitleText: '计划事项' })
