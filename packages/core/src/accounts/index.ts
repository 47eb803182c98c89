export * from './roles'
export * from './password-policy'
export * from './login-lockout'
export * from './accounts.schemas'
