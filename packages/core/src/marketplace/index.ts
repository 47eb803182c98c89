export * from './marketplace-vocabulary'
export * from './synthetic-marketplace'
