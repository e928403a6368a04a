/**
 * Recognition dossiers (hồ sơ xét, công nhận) from "every criterion met" to the decision, and revocation dossiers back:
 * procedure templates as versioned data (steps, actors, documents, deadlines in working days, thresholds), the public
 * posting, the MTTQ satisfaction survey, the commune meeting, appraisal with its own round, the council's vote, and the
 * unit's recognition history that the revocation rule reads (QĐ 18/2022/QĐ-TTg).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hồ sơ công nhận", allowedDependencies = { "units", "criteria",
		"assessment", "planning", "security" })
package vn.ntmtracker.dossiers;
