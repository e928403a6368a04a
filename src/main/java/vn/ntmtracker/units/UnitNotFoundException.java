package vn.ntmtracker.units;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFoundException extends RuntimeException {

	public UnitNotFoundException(String code) {
		super("Không tìm thấy đơn vị “" + code + "”");
	}
}
