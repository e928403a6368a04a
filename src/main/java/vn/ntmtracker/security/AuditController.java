package vn.ntmtracker.security;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log, for administrators only: as a page and at {@code GET /api/audit}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog auditLog;
	private final AuditTable table;

	AuditController(AuditLog auditLog, AuditTable table) {
		this.auditLog = auditLog;
		this.table = table;
	}

	@GetMapping("/api/audit")
	@ResponseBody
	AuditLog.Page api(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return auditLog.search(new AuditLog.Filter(user, unit, entityType, entityId, from, to), Math.max(page, 0),
				Math.min(Math.max(size, 1), 500));
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var filter = new AuditLog.Filter(user, unit, entityType, entityId, from, to);
		AuditLog.Page result = auditLog.search(filter, Math.max(page, 0), 50);
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("rows", table.rows(result.content()));
		model.addAttribute("entityTypes", table.entityTypes());
		return "security/audit";
	}
}
