/**
 * Documents register (conclusion notices, plans, resolutions…), the organisations that issue and receive
 * them, and the directives and requests they contain, followed to completion with deadlines, extensions,
 * progress, status buckets as of any date, reminders and an iCalendar feed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Văn bản và nhiệm vụ", allowedDependencies = { "units", "criteria", "security", "extraction" })
package vn.ntmtracker.directives;
