package vn.ntmtracker;

/**
 * Something a node may keep in memory changed in the database, on this node or another one: published on every node
 * by {@link ClusterEvents} after the writing transaction committed. {@code key} null means "anything of the topic";
 * {@link #EVERYTHING} (a reconnect of the listening connection, when notifications may have been missed) means every
 * cache of every topic. Listen with a plain {@code @EventListener}; the listener runs on the notification thread.
 */
public record CacheInvalidated(String topic, String key) {

	public static final String EVERYTHING = "*";

	/** Whether a cache of {@code topic} must drop the entry {@code entryKey}. */
	public boolean covers(String cacheTopic, String entryKey) {
		if (EVERYTHING.equals(topic)) {
			return true;
		}
		return topic.equals(cacheTopic) && (key == null || key.equals(entryKey));
	}

	public boolean coversAll(String cacheTopic) {
		return EVERYTHING.equals(topic) || (topic.equals(cacheTopic) && key == null);
	}
}
