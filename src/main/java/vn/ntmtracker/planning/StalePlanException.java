package vn.ntmtracker.planning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone saved the plan or task since it was read; nothing was overwritten. */
@ResponseStatus(HttpStatus.CONFLICT)
class StalePlanException extends RuntimeException {

	StalePlanException(String what, long id) {
		super(what + " số " + id + " vừa được người khác cập nhật. Hãy tải lại trang để xem số liệu mới rồi nhập lại.");
	}
}
