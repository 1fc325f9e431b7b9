# Shared by bench/paired.sh, bench/time-to-target.sh and bench/accuracy-table.sh (sourced, not run): prerequisites, the throwaway consumer
# project, Maven's command line, cleanup. Each function reads the caller's variables named in its comment; die() is
# the caller's (it prints "<script>: <message>" and exits 1).

apt_hint="apt-get update && apt-get install -y python3-torch python3-torchvision"

# Sets python (if empty) to an interpreter that imports torch and torchvision, or dies with the install hint.
find_python() {
  if [[ -z $python ]]; then
    local candidate
    for candidate in python3 /usr/bin/python3; do
      if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import torch, torchvision' >/dev/null 2>&1; then
        python=$candidate; break
      fi
    done
    [[ -n $python ]] || die "no Python with PyTorch and torchvision found (tried python3, /usr/bin/python3). Install them: $apt_hint (or set PYTHON=...)"
  else
    "$python" -c 'import torch, torchvision' >/dev/null 2>&1 \
      || die "$python cannot import torch and torchvision. Install them: $apt_hint"
  fi
}

# Checks that $data holds the four Fashion-MNIST files, mvn is on the PATH and the plugin ($plugin_version, read from
# $root/pom.xml when empty) is installed in $repo_local (or Maven's default local repository).
check_prerequisites() {
  local f
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    [[ -f $data/$f || -f $data/$f.gz ]] \
      || die "the Fashion-MNIST file $f(.gz) is not in $data. Install it: apt-get install dataset-fashion-mnist (or --data DIR)"
  done
  command -v mvn >/dev/null 2>&1 || die "mvn is not on the PATH"
  if [[ -z $plugin_version ]]; then
    plugin_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
    [[ -n $plugin_version ]] || die "cannot read the project version from $root/pom.xml; give --plugin-version"
  fi
  local repo_dir=${repo_local:-$HOME/.m2/repository}
  [[ -f $repo_dir/dev/fashionmnist/fashionmnist-maven-plugin/$plugin_version/fashionmnist-maven-plugin-$plugin_version.jar ]] \
    || die "the plugin $plugin_version is not installed in $repo_dir. Install it first:
  (cd $root && mvn -B install -DskipTests -Dinvoker.skip${repo_local:+ -Dmaven.repo.local=$repo_local})"
}

# Makes $work (a new temp folder named after $1 when empty), sets the cleanup traps (a running Maven, $mvn_pid, is
# stopped; $work is removed unless $keep is true), mvn_cmd (from $repo_local and $mvn_args) and $project, a consumer
# project with artifactId $1 that declares the plugin and leaves every parameter to -D.
prepare_consumer() {
  if [[ -z $work ]]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  else
    mkdir -p "$work"
  fi
  mvn_pid=""
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mvn_cmd=(mvn -B)
  [[ -n $repo_local ]] && mvn_cmd+=("-Dmaven.repo.local=$repo_local")
  # shellcheck disable=SC2206
  [[ -n $mvn_args ]] && mvn_cmd+=($mvn_args)
  project=$work/consumer
  mkdir -p "$project"
  cat >"$project/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>$1</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.fashionmnist</groupId>
        <artifactId>fashionmnist-maven-plugin</artifactId>
        <version>$plugin_version</version>
        <configuration>
          <dataset>fashion-mnist</dataset>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# Fills the plugin's data cache once, untimed, so that no measured run pays for the first copy.
fill_data_cache() {
  if ! (cd "$project" && "${mvn_cmd[@]}" fashionmnist:download-data >"$work/download-data.log" 2>&1); then
    cat "$work/download-data.log" >&2
    die "mvn fashionmnist:download-data failed (log above)"
  fi
}

# Runs `mvn fashionmnist:train` in $project (from a clean target/) with the benchmarks' common settings (the CPU, no
# model cache, no up-to-date check, nothing attached) and the -D arguments given after $1 and $2, its output in $1; on
# failure prints the log's tail, keeps $work and dies naming the run $2. Reads mvn_cmd and project; sets mvn_pid while
# Maven runs (for cleanup).
run_train() {
  local log=$1 what=$2
  shift 2
  rm -rf "$project/target"
  (cd "$project" && exec "${mvn_cmd[@]}" fashionmnist:train -Dfashionmnist.device=cpu -Dfashionmnist.force=true \
      -Dfashionmnist.modelCache=false -Dfashionmnist.attach=false "$@") >"$log" 2>&1 &
  mvn_pid=$!
  if ! wait "$mvn_pid"; then
    tail -40 "$log" >&2
    keep=true
    die "$what failed (log above; whole log in $log, kept)"
  fi
  mvn_pid=""
}

cleanup() {
  # A background job of a script ignores Ctrl-C: stop a running Maven (its shutdown hook stops the training JVM).
  if [[ -n $mvn_pid ]] && kill -0 "$mvn_pid" 2>/dev/null; then
    kill -TERM "$mvn_pid" 2>/dev/null || true
    wait "$mvn_pid" 2>/dev/null || true
  fi
  if [[ $keep != true ]]; then rm -rf "$work"; fi
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# One line for a benchmark's header: the CPU model, its vector instruction sets that decide PyTorch's and oneDNN's
# kernels, and the variables that limit them (ATEN_CPU_CAPABILITY for PyTorch's own kernels, DNNL_MAX_CPU_ISA or
# ONEDNN_MAX_CPU_ISA for oneDNN's convolutions), so that a table says which kind of runner it was measured on.
cpu_line() {
  local limits=""
  local v
  for v in ATEN_CPU_CAPABILITY DNNL_MAX_CPU_ISA ONEDNN_MAX_CPU_ISA; do
    [[ -n ${!v:-} ]] && limits+=" $v=${!v}"
  done
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1); vector flags: $(grep -o -w -E 'avx2|avx512f|avx512_vnni|avx512_bf16|amx_tile' /proc/cpuinfo | sort -u | tr '\n' ' ' | sed 's/ $//'); limited by:${limits:- nothing}"
}
