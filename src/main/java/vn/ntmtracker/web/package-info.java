/**
 * The shell: layout, home page, language switching, error pages and the formatters every template uses.
 * Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Giao diện chung")
package vn.ntmtracker.web;
