import type { LocalCloudModule } from '../modules'

// Placeholder until this part of the local cloud is written.
export function functionsModule(): LocalCloudModule {
  return { name: 'functions' }
}
