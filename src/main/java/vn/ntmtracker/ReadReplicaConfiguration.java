package vn.ntmtracker;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code ntm.datasource.replica.url} set (NTM_DATASOURCE_REPLICA_URL), read-only transactions read from that
 * streaming replica within the staleness bound {@link ReadReplica} keeps; everything else, writes always, uses the
 * primary of {@code spring.datasource.*}. Off by default: without the property Boot's own DataSource is used
 * unchanged. Properties: {@code ntm.datasource.replica.url}, {@code .username} and {@code .password} (default: the
 * primary's), {@code .pool-size} (10), {@code .probe-interval} (PT5S; PT0S probes only when asked, for tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ntm.datasource.replica.url")
class ReadReplicaConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource primaryDataSource(DataSourceProperties properties) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		primary.setPoolName("primary");
		return primary;
	}

	@Bean(destroyMethod = "close")
	ReadReplica readReplica(HikariDataSource primaryDataSource, DataSourceProperties properties,
			@Value("${ntm.datasource.replica.url}") String url,
			@Value("${ntm.datasource.replica.username:}") String username,
			@Value("${ntm.datasource.replica.password:}") String password,
			@Value("${ntm.datasource.replica.pool-size:10}") int poolSize,
			@Value("${ntm.datasource.replica.probe-interval:PT5S}") Duration probeInterval) {
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("replica");
		replica.setJdbcUrl(url);
		replica.setUsername(username.isBlank() ? properties.determineUsername() : username);
		replica.setPassword(username.isBlank() && password.isBlank() ? properties.determinePassword() : password);
		replica.setMaximumPoolSize(poolSize);
		replica.setReadOnly(true);
		// The application starts even while the replica is down; reads then go to the primary.
		replica.setInitializationFailTimeout(-1);
		return new ReadReplica(primaryDataSource, replica, probeInterval);
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource primaryDataSource, ReadReplica readReplica) {
		LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primaryDataSource);
		proxy.setReadOnlyDataSource(readReplica.router());
		return proxy;
	}
}
