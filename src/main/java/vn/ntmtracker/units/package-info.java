/**
 * Administrative units over time: provinces, (until 30/6/2025) districts, communes and villages, with dated
 * names, parents and classifications, merge/split lineage, and subtree queries on a materialised path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Đơn vị hành chính", allowedDependencies = {  })
package vn.ntmtracker.units;
