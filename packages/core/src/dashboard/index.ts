export * from './dashboard.schemas'
