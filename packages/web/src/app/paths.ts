// Routes outside the app shell, referred to by the guards and the header.
export const LOGIN_PATH = '/login'
export const CHANGE_PASSWORD_PATH = '/change-password'

/** What the guard leaves in history state when it sends someone to the login page. */
export interface LoginRedirectState {
  from?: { pathname: string; search: string }
}
