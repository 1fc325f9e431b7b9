#!/usr/bin/env bash
# Paired benchmark: the plugin (mvn fashionmnist:train in a throwaway consumer project) against the notebook's
# pipeline in Python (bench/notebook_reference.py), run alternately A B A B ... on the same images, batch size,
# optimizer, learning rate, threads and seed. Prints medians and plugin/notebook ratios of train images/s, test-pass
# images/s, whole-process wall time, peak RSS (the training JVM vs the Python process) and test accuracy.
# It asserts nothing; it prints tables. See README.md, "Benchmarks".
#
#   bench/paired.sh                       # defaults: 3 rounds; amelie-cnn 12800, net 6400, mlp(128) 60000 images
#   bench/paired.sh --rounds 1 --networks amelie-cnn:1280,net:1280,mlp:1280 --test-size 1000   # a smoke run
#   bench/paired.sh --scaling             # images/s at batch 64/128/256 and RSS per epoch over 5 epochs
#   bench/paired.sh --baseline-repo /tmp/m2-old   # also an older build of the plugin in each round (A B C A B C ...)
#
# Prerequisites: apt-get install python3-torch python3-torchvision dataset-fashion-mnist; the plugin installed into
# the local Maven repository (mvn -B install -DskipTests -Dinvoker.skip), as a user would have it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

rounds=3
networks="amelie-cnn:12800,net:6400,mlp:60000"
epochs=1
batch=64
optimizer=adam
lr=0.001
threads=2
seed=42
hidden_size=128
test_size=0
data=/usr/share/datasets/fashion-mnist
repo_local=${MAVEN_REPO_LOCAL:-}
mvn_args=${MVN_ARGS:-}
python=${PYTHON:-}
plugin_version=""
scaling=false
scaling_batches="64,128,256"
scaling_epochs=5
keep=false
eval_mode=false
baseline_repo=""

work=""

usage() {
  cat <<EOF
usage: bench/paired.sh [options]
  --rounds N            A/B rounds, each runs the plugin then the reference (default $rounds)
  --networks LIST       arch:trainImages,... (default $networks); arch is mlp, net, amelie-cnn or resnet
  --epochs N            epochs per run (default $epochs); the last epoch's row is compared
  --batch N             batch size (default $batch)
  --optimizer NAME      sgd, adam or adamw (default $optimizer)
  --lr X                learning rate (default $lr)
  --threads N           PyTorch intra-op threads on both sides (default $threads)
  --seed N              seed on both sides (default $seed)
  --hidden-size N       mlp hidden size (default $hidden_size)
  --test-size N         first N test images, 0 = all 10,000 (default $test_size)
  --data DIR            the IDX files for the reference (default $data)
  --maven-repo-local D  local Maven repository holding the installed plugin (default: Maven's own, ~/.m2/repository;
                        also \$MAVEN_REPO_LOCAL). The plugin's data cache lives there too
  --mvn-args "ARGS"     extra Maven arguments, e.g. "-o" (also \$MVN_ARGS)
  --python CMD          Python with torch (default: python3, else /usr/bin/python3; also \$PYTHON)
  --plugin-version V    (default: the version in $root/pom.xml)
  --baseline-repo D     a local Maven repository holding another build of the same plugin version (e.g. the previous
                        main, installed with -Dmaven.repo.local=D): each round then runs plugin, baseline, notebook, and
                        the table adds the baseline and the ratio plugin / baseline
  --eval-mode           reference: model.eval() for the test pass (the notebook does not call it)
  --scaling             instead of A/B rounds: images/s at batch sizes $scaling_batches and RSS per epoch over
                        $scaling_epochs epochs, one run per tool, network and batch size
  --scaling-batches L   (default $scaling_batches)   --scaling-epochs N (default $scaling_epochs)
  --work DIR            folder for the consumer project and raw logs (default: a new temp folder)
  --keep                keep the temp folder (always kept when --work is given)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --networks) networks=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --optimizer) optimizer=$2; shift 2 ;;
    --lr) lr=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --hidden-size) hidden_size=$2; shift 2 ;;
    --test-size) test_size=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --maven-repo-local) repo_local=$2; shift 2 ;;
    --mvn-args) mvn_args=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --plugin-version) plugin_version=$2; shift 2 ;;
    --eval-mode) eval_mode=true; shift ;;
    --baseline-repo) baseline_repo=$2; shift 2 ;;
    --scaling) scaling=true; shift ;;
    --scaling-batches) scaling_batches=$2; shift 2 ;;
    --scaling-epochs) scaling_epochs=$2; shift 2 ;;
    --work) work=$2; keep=true; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "paired.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "paired.sh: $*" >&2; exit 1; }
is_int() { [[ $1 =~ ^[0-9]+$ ]]; }
for v in rounds epochs batch threads seed hidden_size test_size scaling_epochs; do
  is_int "${!v}" || die "--${v//_/-} must be a whole number, not '${!v}'"
done
[[ $rounds -ge 1 ]] || die "--rounds must be at least 1"

# ---- prerequisites, the consumer project (every benchmarked parameter left to -D) ----------------------------
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
find_python
check_prerequisites
[[ $optimizer =~ ^(sgd|adam|adamw)$ ]] || die "--optimizer must be sgd, adam or adamw, not '$optimizer'"

prepare_consumer fashionmnist-bench

echo "# paired benchmark: plugin $plugin_version (mvn fashionmnist:train) vs bench/notebook_reference.py"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "# $(cpu_line)"
echo "# reference: $("$python" -c 'import sys, torch; print(f"Python {sys.version.split()[0]}, torch {torch.__version__}, BLAS:", next((l.split("BLAS_INFO=")[1].split(",")[0] for l in torch.__config__.show().splitlines() if "BLAS_INFO=" in l), "?"))')"
echo "# common: epochs $epochs, batch $batch, $optimizer lr $lr, threads $threads, seed $seed, test images ${test_size/#0/all}, first N train images"
echo "# raw logs: $work$([[ $keep == true ]] || echo ' (removed at the end; --keep keeps it)')"

fill_data_cache
if [[ -n $baseline_repo ]]; then
  [[ $scaling != true ]] || die "--baseline-repo works with A/B rounds, not with --scaling"
  [[ -f $baseline_repo/dev/fashionmnist/fashionmnist-maven-plugin/$plugin_version/fashionmnist-maven-plugin-$plugin_version.jar ]] \
    || die "the plugin $plugin_version is not installed in the baseline repository $baseline_repo"
  plugin_cmd=("${mvn_cmd[@]}")
  baseline_cmd=(mvn -B "-Dmaven.repo.local=$baseline_repo")
  # shellcheck disable=SC2206
  [[ -n $mvn_args ]] && baseline_cmd+=($mvn_args)
  mvn_cmd=("${baseline_cmd[@]}")
  fill_data_cache
  mvn_cmd=("${plugin_cmd[@]}")
  echo "# baseline: the plugin $plugin_version from $baseline_repo"
fi

run_wall=0
run_hwm=0

# Children of $1 (needs /proc/PID/task/*/children, else pgrep).
children_of() {
  cat /proc/"$1"/task/*/children 2>/dev/null || pgrep -P "$1" 2>/dev/null || true
}

# The forked training JVM under Maven pid $1: a descendant whose command line names ForkMain.
find_fork() {
  local queue=("$1") p c
  while [[ ${#queue[@]} -gt 0 ]]; do
    p=${queue[0]}; queue=("${queue[@]:1}")
    for c in $(children_of "$p"); do
      if tr '\0' ' ' 2>/dev/null <"/proc/$c/cmdline" | grep -q 'dev\.fashionmnist\.[a-z]*\.ForkMain'; then
        echo "$c"; return 0
      fi
      queue+=("$c")
    done
  done
  return 1
}

status_kib() { # $1 pid, $2 field (VmHWM/VmRSS)
  local line
  line=$(grep "^$2:" "/proc/$1/status" 2>/dev/null) || return 1
  line=${line#*:}; line=${line% kB}; echo $((line))
}

# Runs the plugin once. $1 arch, $2 train images, $3 batch, $4 epochs, $5 run name.
# Writes $work/$5.metrics.csv, $work/$5.log, and $work/$5.rss (epoch,rss_kib at each new metrics.csv row); sets
# run_wall (seconds) and run_hwm (the training JVM's peak RSS in KiB, 0 when it was not seen).
run_plugin() {
  local arch=$1 n=$2 b=$3 e=$4 name=$5 start end pid fork="" hwm=0 v rows=0 r metrics
  metrics=$project/target/fashionmnist/metrics.csv
  rm -f "$metrics"
  : >"$work/$name.rss"
  start=$(now)
  (cd "$project" && exec "${mvn_cmd[@]}" fashionmnist:train \
      -Dfashionmnist.architecture="$arch" -Dfashionmnist.hiddenSize="$hidden_size" \
      -Dfashionmnist.trainSize="$n" -Dfashionmnist.trainSubset=first -Dfashionmnist.testSize="$test_size" \
      -Dfashionmnist.epochs="$e" -Dfashionmnist.batchSize="$b" -Dfashionmnist.optimizer="$optimizer" \
      -Dfashionmnist.learningRate="$lr" -Dfashionmnist.lrSchedule=constant -Dfashionmnist.labelSmoothing=0 -Dfashionmnist.weightAverage=false \
      -Dfashionmnist.threads="$threads" -Dfashionmnist.seed="$seed" \
      -Dfashionmnist.device=cpu -Dfashionmnist.force=true -Dfashionmnist.attach=false) >"$work/$name.log" 2>&1 &
  pid=$!
  mvn_pid=$pid
  # VmHWM is the fork's high-water mark: the last value read before it exits is its peak (up to the last 0.2 s).
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -z $fork ]]; then
      fork=$(find_fork "$pid") || fork=""
    fi
    if [[ -n $fork ]]; then
      v=$(status_kib "$fork" VmHWM) && hwm=$v
      if [[ -f $metrics ]]; then
        r=$(($(wc -l <"$metrics") - 1))
        if [[ $r -gt $rows ]]; then
          rows=$r
          v=$(status_kib "$fork" VmRSS) && echo "$rows,$v" >>"$work/$name.rss"
        fi
      fi
    fi
    sleep 0.2
  done
  if ! wait "$pid"; then
    tail -40 "$work/$name.log" >&2
    keep=true
    die "the plugin run $name failed (log above; whole log in $work/$name.log, kept)"
  fi
  mvn_pid=""
  end=$(now)
  [[ -f $metrics ]] || die "the plugin run $name wrote no $metrics"
  [[ -n $fork ]] || echo "paired.sh: warning: did not see the training JVM of $name; its peak RSS is unknown" >&2
  cp "$metrics" "$work/$name.metrics.csv"
  run_wall=$(elapsed "$start" "$end")
  # the engine JVM logs its own peak (VmHWM at its end): exact, where sampling may miss the last 0.2 s
  v=$(sed -n 's/.*Peak memory of the engine JVM: \([0-9,]*\) MiB.*/\1/p' "$work/$name.log" | tail -1 | tr -d ,)
  if [[ -n $v ]]; then
    hwm=$((v * 1024))
  fi
  run_hwm=$hwm
}

# Runs the reference once. Same arguments; writes $work/$5.csv (its stdout) and $work/$5.log; sets run_wall.
run_reference() {
  local arch=$1 n=$2 b=$3 e=$4 name=$5 start end extra=()
  [[ $eval_mode == true ]] && extra+=(--eval-mode)
  start=$(now)
  if ! "$python" "$here/notebook_reference.py" --data "$data" --arch "$arch" --hidden-size "$hidden_size" \
      --train-size "$n" --test-size "$test_size" --epochs "$e" --batch-size "$b" --optimizer "$optimizer" \
      --lr "$lr" --threads "$threads" --seed "$seed" "${extra[@]}" >"$work/$name.csv" 2>"$work/$name.log"; then
    cat "$work/$name.log" >&2
    keep=true
    die "the reference run $name failed (log above)"
  fi
  end=$(now)
  run_wall=$(elapsed "$start" "$end")
}

test_images=$test_size
[[ $test_images -eq 0 ]] && test_images=10000

results=$work/results.csv
echo "tool,arch,train_images,batch,round,train_images_per_second,test_images_per_second,wall_seconds,peak_rss_kib,test_accuracy" >"$results"

# One row per run into results.csv, from the plugin's metrics.csv (last epoch) or the reference's CSV.
record_plugin() { # arch n batch round name wall hwm [tool]
  "$python" - "$work/$5.metrics.csv" "$1" "$2" "$3" "$4" "$6" "$7" "$test_images" "${8:-plugin}" >>"$results" <<'PY'
import csv, sys
path, arch, n, batch, rnd, wall, hwm, test_images, tool = sys.argv[1:]
row = list(csv.DictReader(open(path)))[-1]
train_ips = float(row["train_images_per_second"])
# metrics.csv has no test-pass rate: test seconds = epoch seconds - train images / train images per second
test_seconds = float(row["epoch_seconds"]) - int(n) / train_ips
test_ips = int(test_images) / test_seconds if test_seconds > 0 else float("nan")
print(f"{tool},{arch},{n},{batch},{rnd},{train_ips:.3f},{test_ips:.3f},{float(wall):.3f},{hwm},{row['test_accuracy']}")
PY
}
record_reference() { # arch n batch round name wall
  "$python" - "$work/$5.csv" "$1" "$2" "$3" "$4" "$6" >>"$results" <<'PY'
import csv, sys
path, arch, n, batch, rnd, wall = sys.argv[1:]
lines = open(path).read().splitlines()
epochs = [l for l in lines if l and l[0].isdigit()]
kv = dict(l.split(",", 1) for l in lines if l.startswith(("peak_rss_kib,", "wall_seconds,")))
row = next(csv.DictReader([lines[0], epochs[-1]]))
print(f"notebook,{arch},{n},{batch},{rnd},{row['train_images_per_second']},{row['test_images_per_second']},"
      f"{float(wall):.3f},{kv['peak_rss_kib']},{row['test_accuracy']}")
PY
}

IFS=',' read -r -a specs <<<"$networks"
for spec in "${specs[@]}"; do
  [[ $spec =~ ^(mlp|net|amelie-cnn|resnet):[0-9]+$ ]] || die "--networks entry '$spec' is not arch:trainImages"
done

if [[ $scaling != true ]]; then
  for spec in "${specs[@]}"; do
    arch=${spec%%:*}; n=${spec##*:}
    for ((round = 1; round <= rounds; round++)); do
      name=plugin-$arch-$round
      echo "# round $round/$rounds $arch on $n images: plugin ..." >&2
      run_plugin "$arch" "$n" "$batch" "$epochs" "$name"
      record_plugin "$arch" "$n" "$batch" "$round" "$name" "$run_wall" "$run_hwm"
      if [[ -n $baseline_repo ]]; then
        name=baseline-$arch-$round
        echo "# round $round/$rounds $arch on $n images: baseline ..." >&2
        mvn_cmd=("${baseline_cmd[@]}")
        run_plugin "$arch" "$n" "$batch" "$epochs" "$name"
        mvn_cmd=("${plugin_cmd[@]}")
        record_plugin "$arch" "$n" "$batch" "$round" "$name" "$run_wall" "$run_hwm" baseline
      fi
      name=notebook-$arch-$round
      echo "# round $round/$rounds $arch on $n images: notebook ..." >&2
      run_reference "$arch" "$n" "$batch" "$epochs" "$name"
      record_reference "$arch" "$n" "$batch" "$round" "$name" "$run_wall"
    done
  done
  echo
  "$python" - "$results" "$rounds" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
rounds = sys.argv[2]
metrics = [("train_images_per_second", "train images/s", "{:.0f}"),
           ("test_images_per_second", "test-pass images/s", "{:.0f}"),
           ("wall_seconds", "wall time (s)", "{:.1f}"),
           ("peak_rss_kib", "peak RSS (MiB)", "{:.0f}"),
           ("test_accuracy", "test accuracy", "{:.4f}")]
baseline = any(r["tool"] == "baseline" for r in rows)
print(f"medians over {rounds} round(s); ratio = plugin / notebook" + ("; vs baseline = plugin / baseline" if baseline else ""))
if baseline:
    print(f"| network | train images | metric | plugin | baseline | notebook | ratio | vs baseline |")
    print(f"| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
else:
    print(f"| network | train images | metric | plugin | notebook | ratio |")
    print(f"| --- | ---: | --- | ---: | ---: | ---: |")
seen = []
for r in rows:
    key = (r["arch"], r["train_images"])
    if key not in seen:
        seen.append(key)
for arch, n in seen:
    for col, label, fmt in metrics:
        med = {}
        for tool in ("plugin", "baseline", "notebook"):
            vals = [float(r[col]) for r in rows if r["tool"] == tool and r["arch"] == arch and r["train_images"] == n]
            if col == "peak_rss_kib":
                vals = [v / 1024 for v in vals]
            med[tool] = statistics.median(vals) if vals else float("nan")
        ratio = med["plugin"] / med["notebook"] if med["notebook"] else float("nan")
        if baseline:
            versus = med["plugin"] / med["baseline"] if med["baseline"] else float("nan")
            print(f"| {arch} | {int(n):,} | {label} | {fmt.format(med['plugin'])} | {fmt.format(med['baseline'])} "
                  f"| {fmt.format(med['notebook'])} | {ratio:.2f} | {versus:.3f} |")
        else:
            print(f"| {arch} | {int(n):,} | {label} | {fmt.format(med['plugin'])} | {fmt.format(med['notebook'])} "
                  f"| {ratio:.2f} |")
PY
  echo
  echo "# each run: $results"
  column -s, -t <"$results" | sed 's/^/#   /'
else
  IFS=',' read -r -a batches <<<"$scaling_batches"
  for spec in "${specs[@]}"; do
    arch=${spec%%:*}; n=${spec##*:}
    for b in "${batches[@]}"; do
      is_int "$b" || die "--scaling-batches entry '$b' is not a whole number"
      echo "# scaling $arch on $n images, batch $b, $scaling_epochs epochs: plugin ..." >&2
      run_plugin "$arch" "$n" "$b" "$scaling_epochs" "scaling-plugin-$arch-$b"
      echo "# scaling $arch on $n images, batch $b, $scaling_epochs epochs: notebook ..." >&2
      run_reference "$arch" "$n" "$b" "$scaling_epochs" "scaling-notebook-$arch-$b"
    done
  done
  echo
  "$python" - "$work" "$networks" "$scaling_batches" <<'PY'
import csv, os, sys
work, networks, batches = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
import statistics


def steady(values):
    """Median train images/s over the epochs after the first (the first warms up), or the first if it is alone."""
    return statistics.median(values[1:] if len(values) > 1 else values)


print("train images/s by batch size: median over epochs 2.. of one run per tool (epoch 1 warms up); ratio = plugin / notebook")
print("| network | batch | plugin | notebook | ratio |")
print("| --- | ---: | ---: | ---: | ---: |")
for spec in networks:
    arch = spec.split(":")[0]
    for b in batches:
        p = [float(r["train_images_per_second"]) for r in
             csv.DictReader(open(os.path.join(work, f"scaling-plugin-{arch}-{b}.metrics.csv")))]
        lines = open(os.path.join(work, f"scaling-notebook-{arch}-{b}.csv")).read().splitlines()
        n = [float(r["train_images_per_second"]) for r in
             csv.DictReader([lines[0]] + [l for l in lines[1:] if l and l[0].isdigit()])]
        print(f"| {arch} | {b} | {steady(p):.0f} | {steady(n):.0f} | {steady(p) / steady(n):.2f} |")
print()
print("one run per tool, network and batch size (no medians); train images/s per epoch; RSS (MiB) at the end of"
      " each epoch: the plugin's training JVM (VmRSS read when its metrics.csv row appears), the reference's own VmRSS")
print("| network | batch | tool | epoch | train images/s | RSS MiB | RSS / epoch 1 |")
print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
for spec in networks:
    arch = spec.split(":")[0]
    for b in batches:
        p = list(csv.DictReader(open(os.path.join(work, f"scaling-plugin-{arch}-{b}.metrics.csv"))))
        rss = dict(l.strip().split(",") for l in open(os.path.join(work, f"scaling-plugin-{arch}-{b}.rss")) if l.strip())
        first = None
        for row in p:
            kib = int(rss[row["epoch"]]) if row["epoch"] in rss else None
            first = first or kib
            rel = f"{kib / first:.3f}" if kib and first else "?"
            mib = f"{kib / 1024:.0f}" if kib else "?"
            print(f"| {arch} | {b} | plugin | {row['epoch']} | {float(row['train_images_per_second']):.0f} | {mib} | {rel} |")
        lines = open(os.path.join(work, f"scaling-notebook-{arch}-{b}.csv")).read().splitlines()
        rows = list(csv.DictReader([lines[0]] + [l for l in lines[1:] if l and l[0].isdigit()]))
        first = int(rows[0]["rss_kib"])
        for row in rows:
            kib = int(row["rss_kib"])
            print(f"| {arch} | {b} | notebook | {row['epoch']} | {float(row['train_images_per_second']):.0f} "
                  f"| {kib / 1024:.0f} | {kib / first:.3f} |")
PY
fi
