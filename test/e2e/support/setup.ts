// Every browser test waits for conditions (support/ui.ts), not times; on a loaded 2-core machine a
// whole flow can take minutes, so the per-test limit is generous (files may set their own).
jest.setTimeout(240_000)
