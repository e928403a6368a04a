#!/usr/bin/env bash
# Extraction throughput (documents/second on one core, JMH 1.37) on the seed texts.
# Compiles the benchmark with javac against target/classes and the project's dependency classpath, then runs it.
# Overrides for machines that already have the parts: JMH_LIB (folder with the JMH jars; skips the download),
# DEP_CP_FILE (file holding the dependency classpath), APP_CLASSES (compiled main classes), OUT (work folder).
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${OUT:-bench/extraction/out}
APP_CLASSES=${APP_CLASSES:-target/classes}
mkdir -p "$OUT/classes"

if [ -z "${JMH_LIB:-}" ]; then
	JMH_LIB=bench/lib
	mkdir -p "$JMH_LIB"
	for artifact in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
		net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
		./mvnw -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$JMH_LIB"
	done
fi

if [ -z "${DEP_CP_FILE:-}" ]; then
	DEP_CP_FILE="$OUT/classpath.txt"
	./mvnw -q dependency:build-classpath -Dmdep.outputFile="$DEP_CP_FILE"
fi

if [ ! -f "$APP_CLASSES/vn/ntmtracker/extraction/DocumentExtractor.class" ]; then
	./mvnw -q -DskipTests compile
fi

CP="$APP_CLASSES:$(cat "$DEP_CP_FILE"):$JMH_LIB/*"
# Only JMH's annotation processor runs (it writes META-INF/BenchmarkList); the application's processors stay out.
javac -encoding UTF-8 --release 17 -d "$OUT/classes" -cp "$CP" \
	-processorpath "$JMH_LIB/jmh-generator-annprocess-1.37.jar:$JMH_LIB/jmh-core-1.37.jar" \
	bench/extraction/ExtractionBenchmark.java

java -cp "$OUT/classes:$CP" org.openjdk.jmh.Main ExtractionBenchmark -rf text -rff "$OUT/result.txt" "$@"
