package vn.ntmtracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import vn.ntmtracker.extraction.DocumentExtractor;

/**
 * Documents per second per core for the extraction engine on the five seed texts (8–21 kB each): one thread, the
 * whole pipeline from raw text to draft. Reading files is left out; it is not the engine's cost. On a shared machine
 * the wall-clock score understates a core's throughput, so each iteration also prints documents per CPU-second of
 * the benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

	private static final int SEEDS = 5;

	private final DocumentExtractor extractor = new DocumentExtractor();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private List<String> texts;

	private long documents;

	private long cpuNanos;

	@Setup
	public void load() throws IOException {
		Path dir = Path.of(System.getProperty("seeds", "src/test/resources/seeds"));
		try (Stream<Path> files = Files.list(dir)) {
			texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
				try {
					return Files.readString(p, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
		if (texts.size() != SEEDS) {
			throw new IllegalStateException("expected " + SEEDS + " seed texts in " + dir + ", found " + texts.size());
		}
	}

	@Setup(Level.Iteration)
	public void startIteration() {
		documents = 0;
		cpuNanos = 0;
	}

	@TearDown(Level.Iteration)
	public void reportCpuThroughput() {
		if (cpuNanos > 0) {
			System.out.printf("%n  documents per CPU-second: %.1f%n", documents / (cpuNanos / 1e9));
		}
	}

	/** One invocation extracts every seed once, so the reported ops/s is documents/s. */
	@Benchmark
	@OperationsPerInvocation(SEEDS)
	public void extractSeeds(Blackhole blackhole) {
		long start = THREADS.getCurrentThreadCpuTime();
		for (String text : texts) {
			blackhole.consume(extractor.extractText(text));
		}
		cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
		documents += SEEDS;
	}
}
