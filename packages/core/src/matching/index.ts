export * from './match-index'
export * from './segmenter'
export { Bm25Index, type Bm25Options } from './bm25-index'
export { DOMAIN_TERMS } from './domain-terms'
