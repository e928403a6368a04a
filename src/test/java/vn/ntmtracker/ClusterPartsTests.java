package vn.ntmtracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small rules under the cluster components: which cache entries a notification covers; WAL positions. */
class ClusterPartsTests {

	@Test
	void aNotificationCoversItsTopicAndKeyAndEverythingCoversAll() {
		CacheInvalidated one = new CacheInvalidated("criteria-set", "QD318/2");
		assertThat(one.covers("criteria-set", "QD318/2")).isTrue();
		assertThat(one.covers("criteria-set", "QD318/1")).isFalse();
		assertThat(one.covers("units", "QD318/2")).isFalse();
		assertThat(one.coversAll("criteria-set")).isFalse();
		CacheInvalidated topic = new CacheInvalidated("criteria-set", null);
		assertThat(topic.covers("criteria-set", "anything")).isTrue();
		assertThat(topic.coversAll("criteria-set")).isTrue();
		CacheInvalidated everything = new CacheInvalidated(CacheInvalidated.EVERYTHING, null);
		assertThat(everything.coversAll("criteria-set")).isTrue();
		assertThat(everything.covers("units", "x")).isTrue();
	}

	@Test
	void walPositionsCompareAsNumbers() {
		assertThat(ReadReplica.lsn("0/3188F48")).isEqualTo(0x3188F48L);
		assertThat(ReadReplica.lsn("1/0")).isGreaterThan(ReadReplica.lsn("0/FFFFFFFF"));
		assertThat(ReadReplica.lsn("A/10")).isEqualTo((10L << 32) | 16);
	}
}
