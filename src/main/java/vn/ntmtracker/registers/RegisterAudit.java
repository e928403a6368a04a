package vn.ntmtracker.registers;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.ntmtracker.AuditEvent;
import vn.ntmtracker.AuditEvent.Action;

/**
 * Every write of the registers, every view of one household and every API read, in the audit log. Personal data never
 * goes into the log in clear: names and numbers are written masked.
 */
@Component
class RegisterAudit {

	private final ApplicationEventPublisher events;

	RegisterAudit(ApplicationEventPublisher events) {
		this.events = events;
	}

	void record(Action action, String type, Object id, String unitCode, Object before, Object after) {
		events.publishEvent(AuditEvent.of(action, type, String.valueOf(id), unitCode, before, after));
	}

	void read(String type, Object id, String unitCode, Map<String, ?> what) {
		record(Action.READ, type, id, unitCode, null, what);
	}

	/** An identity as the log may keep it. */
	static Map<String, Object> masked(HouseholdIdentity identity) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put("village", identity.villageCode());
		map.put("code", identity.code());
		map.put("headName", PersonalDataPolicy.maskName(identity.headName()));
		map.put("idNumber", PersonalDataPolicy.maskIdNumber(identity.idNumber()));
		map.put("address", identity.address() == null ? null : "•••");
		return map;
	}

	static Map<String, Object> of(HouseholdYear entry) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put("year", entry.year());
		map.put("status", entry.status().name());
		map.put("members", entry.members());
		map.put("insured", entry.insuredMembers());
		map.put("housingStandard", entry.housingStandard());
		map.put("cleanWater", entry.cleanWater());
		map.put("deprivations", Deprivation.numbers(entry.deprivations()));
		map.put("cadre", entry.cadre());
		map.put("note", entry.note());
		return map;
	}
}
