export * from './marketplace-vocabulary'
export * from './synthetic-marketplace'
export * from './marketplace-api.schemas'
