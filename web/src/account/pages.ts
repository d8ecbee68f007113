// The account pages, loaded together on first use.
export { LoginPage } from './LoginPage.tsx';
export { RegisterPage } from './RegisterPage.tsx';
export { VerifyEmailPage, ForgotPasswordPage, ResetPasswordPage } from './TokenPages.tsx';
export { ProfilePage } from './ProfilePage.tsx';
export { SessionsPage } from './SessionsPage.tsx';
export { DeleteAccountPage } from './DeleteAccountPage.tsx';
