export { openTestDatabase } from './test-database'
export {
  createTestApp,
  createUserAndLogin,
  ADMIN_USERNAME,
  ADMIN_PASSWORD,
  type TestApp,
  type TestClient,
} from './test-app'
