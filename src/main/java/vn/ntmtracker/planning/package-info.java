/**
 * Plan frameworks (khung kế hoạch): per criterion the work that remains, by when, at what cost from which
 * funding source and who answers for it; progress, funds actually mobilised, and the steering committee.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kế hoạch", allowedDependencies = { "units", "criteria", "assessment", "security" })
package vn.ntmtracker.planning;
