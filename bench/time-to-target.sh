#!/usr/bin/env bash
# Time to a target test accuracy: the plugin (mvn fashionmnist:train -Dfashionmnist.targetAccuracy=... in a throwaway
# consumer project, whole process) against the notebook's pipeline (bench/notebook_reference.py, its cumulative train
# + test seconds up to the first epoch that reaches the target), run alternately, on the full Fashion-MNIST.
# Prints per run the seconds and where the target was reached, then medians and ratios. Asserts nothing.
#
#   bench/time-to-target.sh                                   # 3 rounds (seeds 1, 2, 3), target 0.90, at most 10 epochs
#   bench/time-to-target.sh --config "bs256=-Dfashionmnist.batchSize=256 -Dfashionmnist.learningRate=0.004"
#
# Plugin configurations compared (each a name and -D arguments added to the defaults' command line):
#   defaults          the plugin's defaults: only targetAccuracy and epochs are given
#   notebook-adam     the notebook's amelie-cnn recipe in the plugin: adam, learning rate 0.001, batch 64, constant
# Reference: notebook_reference.py --arch amelie-cnn --optimizer adam --lr 0.001 --batch-size 64 (the notebook's
# pipeline: ToTensor, DataLoader(shuffle=True), its train loop and test pass per epoch).
#
# Prerequisites as for bench/paired.sh: apt-get install python3-torch python3-torchvision dataset-fashion-mnist; the
# plugin installed into the local Maven repository (mvn -B install -DskipTests -Dinvoker.skip).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

rounds=3
target=0.90
max_epochs=10
threads=2
seed=""
data=/usr/share/datasets/fashion-mnist
repo_local=${MAVEN_REPO_LOCAL:-}
mvn_args=${MVN_ARGS:-}
python=${PYTHON:-}
plugin_version=""
keep=false
work=""
configs=("defaults=" "notebook-adam=-Dfashionmnist.optimizer=adam -Dfashionmnist.learningRate=0.001 -Dfashionmnist.batchSize=64 -Dfashionmnist.lrSchedule=constant -Dfashionmnist.labelSmoothing=0 -Dfashionmnist.weightAverage=false")
custom_configs=false

usage() {
  cat <<EOF
usage: bench/time-to-target.sh [options]
  --rounds N            rounds; each runs every plugin configuration and the reference once (default $rounds)
  --target X            test accuracy to reach, a fraction (default $target)
  --max-epochs N        upper bound of epochs on both sides (default $max_epochs)
  --config NAME=ARGS    a plugin configuration: -D arguments on top of the defaults; repeat for several. Given
                        at least once, it replaces the built-in list (defaults, notebook-adam); ARGS may be empty
  --threads N           PyTorch intra-op threads on both sides (default $threads)
  --seed N              one seed on both sides in every round (default: round r uses seed r, so that the
                        medians cover seeds, not one seed's luck)
  --data DIR            the IDX files for the reference (default $data)
  --maven-repo-local D  local Maven repository holding the installed plugin (also \$MAVEN_REPO_LOCAL)
  --mvn-args "ARGS"     extra Maven arguments, e.g. "-o" (also \$MVN_ARGS)
  --python CMD          Python with torch (default: python3, else /usr/bin/python3; also \$PYTHON)
  --plugin-version V    (default: the version in $root/pom.xml)
  --work DIR            folder for the consumer project and raw logs (kept); default a temp folder, removed
  --keep                keep the temp folder
EOF
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --max-epochs) max_epochs=$2; shift 2 ;;
    --config)
      if [[ $custom_configs != true ]]; then configs=(); custom_configs=true; fi
      configs+=("$2"); shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --maven-repo-local) repo_local=$2; shift 2 ;;
    --mvn-args) mvn_args=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --plugin-version) plugin_version=$2; shift 2 ;;
    --work) work=$2; keep=true; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; echo "time-to-target.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

die() { echo "time-to-target.sh: $*" >&2; exit 1; }
for v in rounds max_epochs threads${seed:+ seed}; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v//_/-} must be a whole number, not '${!v}'"
done
[[ $rounds -ge 1 && $max_epochs -ge 1 ]] || die "--rounds and --max-epochs must be at least 1"
awk -v t="$target" 'BEGIN { exit !(t + 0 > 0 && t + 0 <= 1 && t ~ /^[0-9.]+$/) }' \
  || die "--target must be a fraction above 0 and at most 1, e.g. 0.90, not '$target'"
for c in "${configs[@]}"; do
  [[ $c =~ ^[A-Za-z0-9_.-]+= ]] || die "--config '$c' is not NAME=ARGS (NAME of letters, digits, . _ -)"
done

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
find_python
check_prerequisites
prepare_consumer fashionmnist-time-to-target

echo "# time to test accuracy $target: plugin $plugin_version (whole mvn process) vs bench/notebook_reference.py (train + test seconds)"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); threads $threads, seed ${seed:-= round}, at most $max_epochs epochs, all 60,000/10,000 images"
echo "# $(cpu_line)"
echo "# raw logs: $work$([[ $keep == true ]] || echo ' (removed at the end; --keep keeps it)')"
fill_data_cache

results=$work/results.csv
echo "tool,config,round,seconds,reached_at,accuracy,train_seconds" >"$results"

# One plugin run: $1 config name, $2 its -D arguments, $3 round.
run_plugin() {
  local name=$1 args=$2 rnd=$3 start end log=$work/$1-$3.log extra=()
  # shellcheck disable=SC2206
  [[ -n $args ]] && extra=($args)
  start=$(now)
  run_train "$log" "the plugin run $name (round $rnd)" -Dfashionmnist.targetAccuracy="$target" \
      -Dfashionmnist.epochs="$max_epochs" -Dfashionmnist.threads="$threads" -Dfashionmnist.seed="${seed:-$rnd}" \
      "${extra[@]}"
  end=$(now)
  cp "$project/target/fashionmnist/metrics.csv" "$work/$name-$rnd.metrics.csv"
  "$python" - "$work/$name-$rnd.metrics.csv" "$name" "$rnd" "$start" "$end" "$target" >>"$results" <<'PY'
import csv, sys
path, name, rnd, start, end, target = sys.argv[1:]
rows = list(csv.DictReader(open(path)))
hit = next((r for r in rows if float(r["test_accuracy"]) >= float(target)), None)
best = max(rows, key=lambda r: float(r["test_accuracy"]))
row = hit or best
# train + test seconds up to that row: epoch_seconds of the whole epochs before it plus its own (which covers its
# epoch so far)
whole = {}
for r in rows:
    e = float(r["epoch"])
    whole[int(e) if e == int(e) else int(e) + 1] = float(r["epoch_seconds"])
at = float(row["epoch"])
epoch_of_row = int(at) if at == int(at) else int(at) + 1
train = sum(s for e, s in whole.items() if e < epoch_of_row) + float(row["epoch_seconds"])
seconds = float(end) - float(start)
print(f"plugin,{name},{rnd},{seconds:.3f},{row['epoch'] if hit else 'not reached'},{row['test_accuracy']},{train:.3f}")
PY
}

run_reference() { # $1 round
  local rnd=$1 out=$work/notebook-$1.csv start end
  start=$(now)
  if ! "$python" "$here/notebook_reference.py" --data "$data" --arch amelie-cnn --epochs "$max_epochs" \
      --batch-size 64 --optimizer adam --lr 0.001 --threads "$threads" --seed "${seed:-$rnd}" \
      --target-accuracy "$target" >"$out" 2>"$work/notebook-$rnd.log"; then
    cat "$work/notebook-$rnd.log" >&2
    keep=true
    die "the reference run (round $rnd) failed (log above)"
  fi
  end=$(now)
  "$python" - "$out" "$rnd" "$target" "$start" "$end" >>"$results" <<'PY'
import csv, sys
path, rnd, target, start, end = sys.argv[1:]
lines = [l for l in open(path).read().splitlines() if l and (l[0].isdigit() or l.startswith("epoch,"))]
rows = list(csv.DictReader(lines))
seconds = 0.0
hit = None
for r in rows:
    seconds += float(r["train_seconds"]) + float(r["test_seconds"])
    if float(r["test_accuracy"]) >= float(target):
        hit = r
        break
row = hit or rows[-1]
print(f"notebook,notebook-adam-0.001-b64,{rnd},{seconds:.3f},{row['epoch'] if hit else 'not reached'},"
      f"{row['test_accuracy']},{seconds:.3f}")
PY
}

for ((r = 1; r <= rounds; r++)); do
  for c in "${configs[@]}"; do
    echo "# round $r/$rounds plugin ${c%%=*} ..." >&2
    run_plugin "${c%%=*}" "${c#*=}" "$r"
  done
  echo "# round $r/$rounds notebook ..." >&2
  run_reference "$r"
done

echo
echo "Per run (plugin seconds: the whole mvn process, start to exit; notebook seconds: its train + test passes up to"
echo "the first epoch at the target, without interpreter start and data loading):"
column -s, -t <"$results"
echo
"$python" - "$results" "$target" <<'PY'
import csv, statistics, sys
path, target = sys.argv[1:]
rows = list(csv.DictReader(open(path)))
by = {}
for r in rows:
    by.setdefault((r["tool"], r["config"]), []).append(r)
ref = statistics.median(float(r["seconds"]) for r in rows if r["tool"] == "notebook")
print(f"Medians (target {float(target):.2%}); ratio = seconds / the notebook's seconds (below 1: faster)")
print(f"{'tool':9} {'config':28} {'seconds':>8} {'ratio':>6} {'mean ± sd':>13} {'reached at (epoch)':>20} "
      f"{'reached':>8}")
for (tool, config), rs in by.items():
    secs = [float(r["seconds"]) for r in rs]
    s = statistics.median(secs)
    spread = f"{statistics.mean(secs):.1f} ± {statistics.stdev(secs):.1f}" if len(secs) > 1 else "-"
    ats = ",".join(r["reached_at"] for r in rs)
    reached = sum(1 for r in rs if r["reached_at"] != "not reached")
    print(f"{tool:9} {config:28} {s:8.1f} {s / ref:6.2f} {spread:>13} {ats:>20} {reached:>4}/{len(rs)}")
PY
