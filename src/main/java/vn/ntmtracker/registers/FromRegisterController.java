package vn.ntmtracker.registers;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The round page's "Tính từ sổ hộ" button: fills one indicator from its register and returns to the round with the
 * evidence shown, or with the reason nothing was written (a stale round, an empty register, a missing judgement).
 */
@Controller
class FromRegisterController {

	private final RegisterIndicators indicators;
	private final RegisterMessages messages;

	FromRegisterController(RegisterIndicators indicators, RegisterMessages messages) {
		this.indicators = indicators;
		this.messages = messages;
	}

	@PostMapping("/assessments/{id}/values/{indicator}/from-register")
	String fill(@PathVariable long id, @PathVariable String indicator, @RequestParam int version,
			@RequestParam(required = false) String judgement, @RequestParam(required = false) String override,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			RegisterIndicators.Computation done = indicators.fill(id, indicator, version,
					judgement == null || judgement.isBlank() ? null : Boolean.valueOf(judgement), override, reason);
			redirect.addFlashAttribute("info", indicator + ": " + done.value() + " — " + done.evidence());
		}
		catch (RegisterException ex) {
			redirect.addFlashAttribute("error", String.join(" ", messages.describe(ex.problems())));
		}
		catch (RuntimeException ex) {
			// The assessment module's refusals (not editable, stale round, invalid value) carry a 4xx status and a message.
			ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
			// A state refusal (409 stale, 422 invalid) is shown on the round; 403 and 404 are answered as they are.
			org.springframework.http.HttpStatus code = status == null ? null
					: status.code() != org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR ? status.code() : status.value();
			boolean refusal = code != null && (code == org.springframework.http.HttpStatus.CONFLICT
					|| code == org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT || code == org.springframework.http.HttpStatus.BAD_REQUEST)
					|| ex instanceof vn.ntmtracker.assessment.InvalidValuesException;
			if (!refusal) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/assessments/" + id + "#from-register";
	}
}
