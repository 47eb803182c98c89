import './zod-zh-cn'
export { formatZodIssues } from './format-zod-issues'
export { trimmedText, optionalText, uuid } from './common-fields'
