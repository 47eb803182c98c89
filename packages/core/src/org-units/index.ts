export * from './org-unit-types'
export * from './org-unit-path'
export * from './build-org-unit-tree'
export * from './org-units.schemas'
