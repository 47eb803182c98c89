export * from './indicators.schemas'
