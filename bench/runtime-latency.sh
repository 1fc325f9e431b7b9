#!/usr/bin/env bash
# The runtime's speed on this machine's CPU: start-up, latency of one image and throughput in batches of 64, for mlp
# and amelie-cnn (runtime/src/test/java/dev/fashionmnist/runtime/RuntimeBenchmark.java). Not part of 'mvn verify'.
# Needs the real Fashion-MNIST under /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist) and the
# Maven repository filled once (any 'mvn test' of the runtime). Run it on a quiet machine: check 'uptime' first.
#   bench/runtime-latency.sh                      # PyTorch's default threads (one per core)
#   THREADS=1 bench/runtime-latency.sh            # one thread per forward pass
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -o -B -q -pl runtime test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/runtime-benchmark.classpath >/dev/null
threads=()
[[ -n ${THREADS:-} ]] && threads=(-Dai.djl.pytorch.num_threads="$THREADS")
exec java -Dai.djl.offline=true "${threads[@]}" \
  -cp "runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/runtime-benchmark.classpath)" \
  dev.fashionmnist.runtime.RuntimeBenchmark
