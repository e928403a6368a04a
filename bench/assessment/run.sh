#!/usr/bin/env bash
# JMH benchmark of the evaluation engine: 10,000 units × 57 indicators (QD318-2022-XA-NTM).
#   bench/assessment/run.sh                 # classpath from ./mvnw, JMH 1.37 downloaded into bench/lib (gitignored)
#   bench/assessment/run.sh -f 1 -i 3       # extra arguments go to JMH
# By default ./mvnw compiles the project and prints its classpath; the benchmark runs against target/classes.
# Overrides (to run without Maven): CLASSES=<compiled criteria+assessment classes> CP_FILE=<file with the dependency
# classpath>; JMH_LIB=<dir with the JMH jars> skips the download.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/assessment/out
LIB=${JMH_LIB:-bench/lib}
mkdir -p "$OUT" "$LIB"

if [ -z "${CLASSES:-}" ]; then
  ./mvnw -q compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"
  CP_FILE=$OUT/cp.txt
  CLASSES=target/classes
fi
CP=$(cat "$CP_FILE")

for artifact in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
                net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
  name=$(echo "$artifact" | cut -d: -f2)-$(echo "$artifact" | cut -d: -f3).jar
  [ -f "$LIB/$name" ] || ./mvnw -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$LIB"
done
JMH=$(ls "$LIB"/*.jar | tr '\n' ':')

rm -rf "$OUT/bench-classes" && mkdir -p "$OUT/bench-classes"
javac -encoding UTF-8 --release 17 -processorpath "$JMH" -d "$OUT/bench-classes" \
  -cp "$CP:$JMH:$CLASSES" bench/assessment/EvaluationBenchmark.java
java -cp "$OUT/bench-classes:$CLASSES:src/main/resources:$JMH:$CP" org.openjdk.jmh.Main EvaluationBenchmark "$@"
