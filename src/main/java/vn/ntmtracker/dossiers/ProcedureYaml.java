package vn.ntmtracker.dossiers;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import vn.ntmtracker.assessment.RoundKind;
import vn.ntmtracker.assessment.RoundStatus;
import vn.ntmtracker.criteria.Provenance;
import vn.ntmtracker.criteria.Tier;
import vn.ntmtracker.criteria.ValidationError;
import vn.ntmtracker.criteria.YamlNode;

/**
 * Maps one procedure file (schema: {@code src/main/resources/dossiers/SCHEMA.md}) onto {@link Procedure}, read key by
 * key with the criteria files' reader so that every problem names its key path; then {@link ProcedureValidator} checks
 * the content. Any problem refuses the whole file.
 */
final class ProcedureYaml {

	private ProcedureYaml() {
	}

	static Procedure parse(String fileName, Reader reader) {
		List<ValidationError> errors = new ArrayList<>();
		YamlNode root = YamlNode.root(reader, errors);
		Procedure procedure = root == null ? null : procedure(root);
		if (root != null) {
			root.rejectUnknownKeys();
		}
		if (errors.isEmpty()) {
			errors.addAll(ProcedureValidator.validate(procedure));
		}
		if (!errors.isEmpty()) {
			throw new ProcedureFileException(fileName, errors);
		}
		return procedure;
	}

	private static Procedure procedure(YamlNode node) {
		String code = node.text("code", true);
		Integer version = node.integer("version", true);
		String title = node.text("title", true);
		Purpose purpose = node.enumValue("purpose", true, Purpose.class, "purpose");
		List<Tier> tiers = tiers(node, "tiers");
		if (tiers.isEmpty()) {
			node.errorAt("tiers", "missing: the levels this procedure recognises (e.g. [XA_NTM])");
		}
		String provinceCode = null;
		String provinceName = null;
		Node scope = node.raw("scope");
		if (scope == null) {
			node.errorAt("scope", "missing (NATIONAL or {provinceCode, provinceName})");
		}
		else if (scope instanceof ScalarNode scalar) {
			if (!scalar.getValue().equals("NATIONAL")) {
				node.errorAt("scope", "expected NATIONAL or {provinceCode, provinceName}, got '" + scalar.getValue() + "'");
			}
		}
		else {
			YamlNode province = node.asMapping("scope", scope);
			if (province != null) {
				provinceCode = province.text("provinceCode", true);
				provinceName = province.text("provinceName", true);
				province.rejectUnknownKeys();
			}
		}
		Procedure.Satisfaction satisfaction = null;
		YamlNode survey = node.child("satisfaction", false);
		if (survey != null) {
			satisfaction = new Procedure.Satisfaction(survey.decimal("overallAtLeast", false), survey.decimal("perItemAtLeast", false),
					survey.decimal("minParticipation", false), survey.flag("householdNames"), provenance(survey, true));
			survey.rejectUnknownKeys();
		}
		return new Procedure(code, version == null ? 0 : version, title, purpose, tiers, provinceCode, provinceName,
				node.date("validFrom", true), node.date("validTo", false), node.text("legalBasis", true), provenance(node, true),
				node.text("description", false), node.text("note", false), satisfaction,
				node.list("conditions", false, ProcedureYaml::condition), node.list("steps", true, ProcedureYaml::step));
	}

	private static List<Tier> tiers(YamlNode node, String key) {
		List<Tier> tiers = new ArrayList<>();
		List<String> names = node.texts(key);
		for (int i = 0; i < names.size(); i++) {
			try {
				tiers.add(Tier.valueOf(names.get(i)));
			}
			catch (IllegalArgumentException ex) {
				node.errorAt(key + "[" + i + "]", "unknown tier '" + names.get(i) + "'");
			}
		}
		return tiers;
	}

	private static Procedure.Condition condition(YamlNode node) {
		return new Procedure.Condition(node.text("code", true), node.text("name", true),
				node.enumValue("check", true, CheckKind.class, "check"), node.text("document", false),
				node.enumValue("tier", false, Tier.class, "tier"), tiers(node, "forTiers"), provenance(node, true));
	}

	private static Procedure.Step step(YamlNode node) {
		Procedure.Deadline deadline = null;
		YamlNode due = node.child("deadline", false);
		if (due != null) {
			Integer days = due.integer("days", true);
			deadline = new Procedure.Deadline(days == null ? 0 : days, due.flag("workingDays"), provenance(due, false));
			due.rejectUnknownKeys();
		}
		return new Procedure.Step(node.text("code", true), node.enumValue("kind", true, StepKind.class, "step kind"),
				node.text("name", true), node.text("actor", true), node.text("actorName", true),
				node.enumValue("side", true, Side.class, "side"), deadline, node.list("documents", false, ProcedureYaml::document),
				node.texts("requires"), node.integer("postingDays", false), node.integer("minReadings", false),
				node.decimal("approvalPercent", false), node.enumValue("roundKind", false, RoundKind.class, "round kind"),
				node.enumValue("roundStatus", false, RoundStatus.class, "round status"), provenance(node, true),
				node.text("description", false));
	}

	private static Procedure.Document document(YamlNode node) {
		boolean required = !node.has("required") || node.flag("required");
		return new Procedure.Document(node.text("kind", true), node.text("name", true), node.flag("original"), required,
				node.text("template", false));
	}

	private static Provenance provenance(YamlNode owner, boolean required) {
		return Provenance.read(owner, required, "true (read in the legal text) or false (practice, recalled)");
	}
}
