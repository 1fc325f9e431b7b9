#!/usr/bin/env bash
# Model quality over seeds: for each network, `mvn fashionmnist:train` with the plugin's defaults (plus any -D
# arguments given) for a number of epochs, once per seed, on the full Fashion-MNIST; prints each run's final test
# accuracy (the model written, evaluated on all 10,000 test images) and, per network, the mean, the standard deviation,
# the lowest and the highest, as a Markdown table that the docs can take as it is. Asserts nothing.
#
#   bench/accuracy-table.sh                                    # amelie-cnn, 10 epochs, seeds 1 2 3
#   bench/accuracy-table.sh --arch mlp --arch net --epochs 10
#   bench/accuracy-table.sh --arch amelie-cnn -- -Dfashionmnist.weightAverage=false
#
# Prerequisites: python3 (reads model.json), the plugin installed into the local Maven repository (mvn -B install -DskipTests -Dinvoker.skip) and
# the data reachable for download-data (e.g. apt-get install dataset-fashion-mnist).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

archs=()
epochs=10
seeds="1 2 3"
threads=2
data=/usr/share/datasets/fashion-mnist
repo_local=${MAVEN_REPO_LOCAL:-}
mvn_args=${MVN_ARGS:-}
plugin_version=""
keep=false
work=""
extra=()

usage() {
  cat <<EOF
usage: bench/accuracy-table.sh [options] [-- -Dfashionmnist.X=Y ...]
  --arch NAME           a network (mlp, net, amelie-cnn, resnet); repeat for several (default amelie-cnn)
  --epochs N            epochs per run (default $epochs)
  --seeds "A B C"       the seeds, one run each (default "$seeds")
  --threads N           PyTorch intra-op threads (default $threads)
  --maven-repo-local D  local Maven repository holding the installed plugin (also \$MAVEN_REPO_LOCAL)
  --mvn-args "ARGS"     extra Maven arguments, e.g. "-o" (also \$MVN_ARGS)
  --plugin-version V    (default: the version in $root/pom.xml)
  --work DIR            folder for the consumer project and raw logs (kept); default a temp folder, removed
  --keep                keep the temp folder
  after --: -D arguments added to every run (on top of the defaults)
EOF
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --arch) archs+=("$2"); shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --maven-repo-local) repo_local=$2; shift 2 ;;
    --mvn-args) mvn_args=$2; shift 2 ;;
    --plugin-version) plugin_version=$2; shift 2 ;;
    --work) work=$2; keep=true; shift 2 ;;
    --keep) keep=true; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "accuracy-table.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ ${#archs[@]} -gt 0 ]] || archs=(amelie-cnn)

die() { echo "accuracy-table.sh: $*" >&2; exit 1; }
for v in epochs threads; do
  [[ ${!v} =~ ^[0-9]+$ && ${!v} -ge 1 ]] || die "--$v must be a whole number of at least 1, not '${!v}'"
done
for s in $seeds; do
  [[ $s =~ ^[0-9]+$ ]] || die "--seeds must be whole numbers separated by spaces, not '$seeds'"
done

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
check_prerequisites
prepare_consumer fashionmnist-accuracy-table
fill_data_cache

echo "# test accuracy after $epochs epochs: plugin $plugin_version defaults${extra[*]:+ + ${extra[*]}}, seeds $seeds"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, threads $threads, all 60,000/10,000 images"
echo "# $(cpu_line)"
results=$work/results.csv
echo "arch,seed,test_accuracy,seconds" >"$results"
for arch in "${archs[@]}"; do
  for seed in $seeds; do
    echo "# $arch seed $seed ..." >&2
    log=$work/$arch-$seed.log
    start=$(now)
    run_train "$log" "the run $arch seed $seed" -Dfashionmnist.architecture="$arch" -Dfashionmnist.epochs="$epochs" \
        -Dfashionmnist.seed="$seed" -Dfashionmnist.threads="$threads" "${extra[@]}"
    end=$(now)
    # the model's test accuracy as model.json records it: the evaluation that chose the model written
    accuracy=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["finalMetrics"]["testAccuracy"])' \
      "$project/target/fashionmnist/model/model.json") \
      || die "no finalMetrics.testAccuracy in $project/target/fashionmnist/model/model.json"
    cp "$project/target/fashionmnist/metrics.csv" "$work/$arch-$seed.metrics.csv"
    echo "$arch,$seed,$accuracy,$(elapsed "$start" "$end")" >>"$results"
  done
done

echo
column -s, -t <"$results"
echo
awk -F, 'NR > 1 { n[$1]++; s[$1] += $3; q[$1] += $3 * $3; t[$1] += $4
                  if (!($1 in lo) || $3 < lo[$1]) lo[$1] = $3
                  if (!($1 in hi) || $3 > hi[$1]) hi[$1] = $3 }
  END { print "| network | runs | mean test accuracy | sd | lowest | highest | mean seconds per run |"
        print "|---|---|---|---|---|---|---|"
        for (a in n) {
          m = s[a] / n[a]; v = n[a] > 1 ? (q[a] - n[a] * m * m) / (n[a] - 1) : 0; if (v < 0) v = 0
          printf "| %s | %d | %.2f%% | %.2f | %.2f%% | %.2f%% | %.0f |\n", a, n[a], 100 * m, 100 * sqrt(v),
                 100 * lo[a], 100 * hi[a], t[a] / n[a]
        } }' "$results"
