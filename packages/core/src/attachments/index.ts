export * from './attachments.schemas'
export * from './detect-attachment-type'
