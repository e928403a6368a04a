/**
 * Users, roles granted on unit subtrees, login with lockout, the current user's jurisdiction,
 * and the audit log of every write.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tài khoản và phân quyền", allowedDependencies = { "units" })
package vn.ntmtracker.security;
