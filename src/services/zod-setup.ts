import * as z from 'zod/mini'

// WeChat forbids `new Function`; zod decides per schema at construction time whether to
// compile a fast path, so this must run before any schema module is evaluated
// (app.ts imports this file first).
z.config({ jitless: true })
