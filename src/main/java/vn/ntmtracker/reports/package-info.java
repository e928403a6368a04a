/**
 * Official documents generated from the data — conclusion notices, plans, progress reports, Party resolutions — in the
 * layouts of Nghị định 30/2020/NĐ-CP (Phụ lục I) and Hướng dẫn 36-HD/VPTW, as editable DOCX and as PDF; their templates
 * kept as versioned data a province edits; drafts with free-text sections, numbering and registration of the final
 * version; and the assessment summary workbook of an area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Báo cáo và văn bản", allowedDependencies = { "units", "criteria",
		"assessment", "planning", "directives", "security" })
package vn.ntmtracker.reports;
