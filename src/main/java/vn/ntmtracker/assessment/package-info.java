/**
 * Assessment of a unit against one criteria set version: the evaluation engine (indicator → criterion → x/N, with
 * assessor flags and overrides), the revocation rule of QĐ 18/2022/QĐ-TTg and regressions between rounds.
 * The core here is pure Java; rounds, sign-off and storage build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Đánh giá", allowedDependencies = { "units", "criteria", "security" })
package vn.ntmtracker.assessment;
