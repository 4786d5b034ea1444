/** The session cookie Auth.js sets, by its name over plain HTTP and over HTTPS (`__Secure-`). */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;
export const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE];
