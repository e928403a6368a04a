/**
 * Reads the Vietnamese NTM documents people already write (plans, conclusion notices, resolutions, reports) and turns
 * them into a draft record for review: header, criteria status, targets, directives with deadlines and assignees,
 * funding. Pure Java, rule based, no network and no models; {@link vn.ntmtracker.extraction.ExtractCli} is its batch
 * command line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trích xuất văn bản", allowedDependencies = { "criteria" })
package vn.ntmtracker.extraction;
