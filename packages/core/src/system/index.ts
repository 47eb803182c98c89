export * from './system.schemas'
