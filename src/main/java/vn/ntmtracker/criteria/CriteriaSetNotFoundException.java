package vn.ntmtracker.criteria;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class CriteriaSetNotFoundException extends RuntimeException {

	public CriteriaSetNotFoundException(String code, int version) {
		super("Không có bộ tiêu chí " + code + (version > 0 ? " phiên bản " + version : ""));
	}
}
