package vn.ntmtracker.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.ntmtracker.security.AccessPolicy;
import vn.ntmtracker.units.UnitNotFoundException;

/**
 * A page asked for a unit that does not exist — most often a name typed into a unit field instead of a unit picked —
 * answers the 404 page saying so ("Không tìm thấy đơn vị “Cẩm Quangg”"), not a bare "not found" and never a misleading
 * "no permission". The JSON API keeps its own answer ({@link ApiErrors}).
 */
@Configuration
class UnitNotFoundPages implements WebMvcConfigurer {

	private final AccessPolicy access;
	private final Clock clock;

	UnitNotFoundPages(AccessPolicy access, Clock clock) {
		this.access = access;
		this.clock = clock;
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		// After the @ExceptionHandler resolver (the API's advice), before the @ResponseStatus one.
		resolvers.add(Math.min(1, resolvers.size()), this::resolve);
	}

	private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		if (!(ex instanceof UnitNotFoundException) || !(handler instanceof HandlerMethod method) || answersData(method)) {
			return null;
		}
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("message", ex.getMessage());
		page.addObject("me", access.currentUser().orElse(null));
		page.addObject("today", LocalDate.now(clock));
		return page;
	}

	private static boolean answersData(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
				|| method.hasMethodAnnotation(ResponseBody.class);
	}
}
