/**
 * Registers a commune keeps — households with their poverty status per year, OCOP products with their certificates,
 * model residential areas and gardens — and the indicator values counted from them, written into a round through the
 * assessment module with the formula, counts and date as evidence. Household names and identity numbers are personal
 * data (Nghị định 13/2023/NĐ-CP): {@link vn.ntmtracker.registers.PersonalDataPolicy} decides who sees them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sổ theo dõi", allowedDependencies = { "units", "criteria", "security", "assessment" })
package vn.ntmtracker.registers;
