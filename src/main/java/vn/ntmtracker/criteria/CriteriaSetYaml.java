package vn.ntmtracker.criteria;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps one set file (schema: {@code src/main/resources/criteria/SCHEMA.md}) onto the model. Structural problems
 * (unknown keys, wrong types, unknown enum values) are reported here; rules about the content are the validator's.
 */
final class CriteriaSetYaml {

	private CriteriaSetYaml() {
	}

	/** The definition, or a {@link CriteriaFileException} listing every structural problem. */
	static CriteriaSetDefinition parse(String fileName, Reader reader) {
		List<ValidationError> errors = new ArrayList<>();
		YamlNode root = YamlNode.root(reader, errors);
		CriteriaSetDefinition definition = root == null ? null : set(root);
		if (root != null) {
			root.rejectUnknownKeys();
		}
		if (!errors.isEmpty()) {
			throw new CriteriaFileException(fileName, errors);
		}
		return definition;
	}

	private static CriteriaSetDefinition set(YamlNode node) {
		String code = node.text("code", true);
		Integer version = node.integer("version", true);
		String title = node.text("title", true);
		YamlNode basisNode = node.child("legalBasis", true);
		LegalBasis basis = null;
		if (basisNode != null) {
			basis = legalBasis(basisNode);
			basisNode.rejectUnknownKeys();
		}
		Tier tier = node.enumValue("tier", true, Tier.class, "tier");
		Scope scope = scope(node);
		SetRef derivedFrom = null;
		YamlNode derivedNode = node.child("derivedFrom", false);
		if (derivedNode != null) {
			String parentCode = derivedNode.text("code", true);
			Integer parentVersion = derivedNode.integer("version", true);
			derivedNode.rejectUnknownKeys();
			derivedFrom = parentVersion == null ? null : new SetRef(parentCode, parentVersion);
		}
		return new CriteriaSetDefinition(code, version == null ? 0 : version, title, basis, tier, scope, derivedFrom,
				node.date("validFrom", true), node.date("validTo", false),
				node.enumValue("status", true, SetStatus.class, "status"),
				node.enumValue("thresholdKeying", true, ThresholdKeying.class, "threshold keying"),
				node.integer("declaredIndicatorCount", false), node.text("note", false),
				node.list("groups", false, g -> new CriterionGroup(g.text("code", true), g.text("name", true))),
				node.list("criteria", false, CriteriaSetYaml::criterion),
				node.list("conditions", false,
						c -> new Condition(c.text("code", true), c.text("text", true), provenance(c, true))),
				node.text("description", false), node.list("amendedBy", false, CriteriaSetYaml::legalBasis),
				node.integers("corrects"));
	}

	private static LegalBasis legalBasis(YamlNode node) {
		return new LegalBasis(node.text("number", true), node.date("date", false), node.text("issuer", true),
				provenance(node, false));
	}

	private static Scope scope(YamlNode node) {
		Node raw = node.raw("scope");
		if (raw == null) {
			node.errorAt("scope", "missing (NATIONAL or {provinceCode, provinceName})");
			return null;
		}
		if (raw instanceof ScalarNode scalar) {
			if (scalar.getValue().equals("NATIONAL")) {
				return Scope.NATIONAL;
			}
			node.errorAt("scope", "expected NATIONAL or {provinceCode, provinceName}, got '" + scalar.getValue() + "'");
			return null;
		}
		YamlNode province = node.asMapping("scope", raw);
		if (province == null) {
			return null;
		}
		Scope scope = Scope.province(province.text("provinceCode", true), province.text("provinceName", true));
		province.rejectUnknownKeys();
		return scope;
	}

	private static Criterion criterion(YamlNode node) {
		Integer number = node.integer("number", true);
		return new Criterion(number == null ? 0 : number, node.text("name", true), node.text("group", false),
				node.flag("criticalForRevocation"), node.text("criticalReason", false), provenance(node, true),
				node.list("indicators", false, CriteriaSetYaml::indicator), node.text("description", false));
	}

	private static Indicator indicator(YamlNode node) {
		return new Indicator(node.text("code", true), node.text("name", true),
				node.enumValue("kind", true, ValueKind.class, "value kind"), node.text("unit", false),
				node.flag("notApplicableAllowed"), node.text("sector", false), provenance(node, true),
				node.list("thresholds", false, CriteriaSetYaml::threshold), node.text("description", false),
				node.list("parts", false, CriteriaSetYaml::indicator), binding(node));
	}

	/** The optional {@code computedFrom: {register, rule, achievedWhen}} of an indicator. */
	static RegisterBinding binding(YamlNode owner) {
		YamlNode node = owner.child("computedFrom", false);
		if (node == null) {
			return null;
		}
		RegisterBinding.Register register = node.enumValue("register", true, RegisterBinding.Register.class, "register");
		RegisterBinding.Rule rule = node.enumValue("rule", true, RegisterBinding.Rule.class, "register rule");
		RegisterBinding.AchievedWhen achievedWhen = null;
		YamlNode when = node.child("achievedWhen", false);
		if (when != null) {
			achievedWhen = new RegisterBinding.AchievedWhen(when.decimal("atLeast", false), when.decimal("atMost", false),
					provenance(when, true));
			when.rejectUnknownKeys();
		}
		node.rejectUnknownKeys();
		return new RegisterBinding(register, rule, achievedWhen);
	}

	private static Threshold threshold(YamlNode node) {
		Region region = node.enumValue("region", false, Region.class, "region");
		CommuneGroup group = null;
		Integer groupNumber = node.integer("group", false);
		if (groupNumber != null) {
			if (groupNumber < 1 || groupNumber > 3) {
				node.errorAt("group", "unknown commune group " + groupNumber + " (groups are 1, 2, 3)");
			}
			else {
				group = CommuneGroup.of(groupNumber);
			}
		}
		return new Threshold(region, group, node.integer("year", false), node.decimal("value", true),
				provenance(node, true));
	}

	private static Provenance provenance(YamlNode owner, boolean required) {
		return Provenance.read(owner, required, "true (read in the source) or false (provisional)");
	}
}
