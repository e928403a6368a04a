/**
 * Criteria sets (bộ tiêu chí) as versioned data: the model, the YAML files under {@code criteria/sets/} with their
 * validator, content hash, version diff and crosswalks, and the region policy of QĐ 318/QĐ-TTg and QĐ 51/2025/QĐ-TTg.
 * Pure Java: nothing here depends on Spring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bộ tiêu chí", allowedDependencies = {  })
package vn.ntmtracker.criteria;
