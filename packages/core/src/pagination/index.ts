export * from './pagination.schemas'
