package vn.ntmtracker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the statements this thread sends to the database while {@link #count} runs — each execute, and each batch as
 * the one round trip it is — so that a test can hold a use case to a number of round trips. Wraps the application's
 * data source in the tests only; outside {@link #count} it only passes calls through.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> SENT = new ThreadLocal<>();

	/** What ran, and the SQL of each round trip it sent. */
	public record Counted<T>(T result, List<String> statements) {
	}

	public <T> Counted<T> count(Supplier<T> work) {
		List<String> sent = new ArrayList<>();
		SENT.set(sent);
		try {
			return new Counted<>(work.get(), List.copyOf(sent));
		}
		finally {
			SENT.remove();
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
			return new DelegatingDataSource(dataSource) {
				@Override
				public Connection getConnection() throws java.sql.SQLException {
					return connection(super.getConnection());
				}

				@Override
				public Connection getConnection(String username, String password) throws java.sql.SQLException {
					return connection(super.getConnection(username, password));
				}

				@Override
				@SuppressWarnings("unchecked")
				public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
					return type.isInstance(dataSource) ? (T) dataSource : super.unwrap(type);
				}
			};
		}
		return bean;
	}

	private static Connection connection(Connection target) {
		return proxy(Connection.class, target, (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof Statement statement) {
				String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
				Class<? extends Statement> type = result instanceof CallableStatement ? CallableStatement.class
						: result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
				return statement(type, statement, sql);
			}
			return result;
		});
	}

	private static Statement statement(Class<? extends Statement> type, Statement target, String preparedSql) {
		return proxy(type, target, (proxy, method, args) -> {
			String name = method.getName();
			if (name.startsWith("execute") && SENT.get() != null) {
				String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
				SENT.get().add(name.equals("executeBatch") ? "batch: " + sql : sql);
			}
			return invoke(target, method, args);
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}
}
