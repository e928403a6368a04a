package vn.ntmtracker.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone saved the round since it was read; nothing was overwritten. */
@ResponseStatus(HttpStatus.CONFLICT)
class StaleRoundException extends RuntimeException {

	StaleRoundException(long id) {
		super("Kỳ đánh giá số " + id + " vừa được người khác cập nhật. Hãy tải lại trang để xem số liệu mới rồi nhập lại.");
	}
}
