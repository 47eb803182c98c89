export { orgUnits } from './org-units.table'
export { users } from './users.table'
export { sessions } from './sessions.table'
export { auditLog } from './audit-log.table'
export { rateLimits } from './rate-limits.table'
export { plans, indicators, observations, periodLocks } from './indicators.table'
export { tasks, taskResponsibleUnits, taskProgressReports } from './tasks.table'
export { attachments } from './attachments.table'
export {
  enterprises,
  enterpriseYears,
  qualifications,
  institutions,
  platforms,
  platformParticipants,
  intellectualProperty,
  projects,
  talents,
  enterpriseJudgements,
  libraryCurations,
} from './registers.table'
export {
  registerImports,
  registerImportRows,
  registerReviewItems,
  registerLinkDecisions,
  registerImportMappings,
} from './register-imports.table'
export {
  qualificationScreenings,
  qualificationScreeningResults,
  qualificationProposals,
  qualificationSelfChecks,
} from './qualification.table'
export { techResults, techNeeds, experts } from './marketplace.table'
export { techEngagements, techEngagementSteps, techEvents, techContracts } from './marketplace-deals.table'
