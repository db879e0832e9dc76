import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-h5/**', 'build/**', '.local-cloud/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Anonymity: never log a whole event or context (see design.md, 意见箱).
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='console'] > Identifier[name=/^(event|context|wxContext|ctx)$/]",
        message: '不要把 event / context 整个写进日志：会破坏匿名承诺。只记录需要的字段。',
      }],
    },
  },
)
