#!/usr/bin/env bash
# Builds the commit HEAD twice, each time from a fresh copy in its own folder, with the release profile, and checks
# that the two builds give byte-identical jars (main, sources and Javadoc jars of the runtime and the plugin).
# Two folders, so that a path or a time of the build that leaks into a jar shows up as a difference.
#
#   build/reproducible-check.sh [extra Maven arguments, e.g. -Dmaven.repo.local=/tmp/rel-m2]
#
# Not offline (-o): maven-deploy-plugin refuses to stage the bundle in offline mode, even into a folder.
#
# Prints the SHA-256 of every file and exits 0 when both builds agree; otherwise names the files that differ and
# the entries inside them that differ (and keeps the two copies for a closer look). Tests are skipped: they do not
# change the jars. Uncommitted changes are not part of the check: commit first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fashionmnist-repro.XXXXXX")"
echo "commit $commit, building twice in $work"

build() {
    local dir="$work/$1"
    shift
    mkdir -p "$dir"
    git -C "$root" archive "$commit" | tar -x -C "$dir"
    (cd "$dir" && mvn -B -q -P release verify -DskipTests -Dinvoker.skip "$@") \
        || { echo "build $1 failed (kept in $dir)"; exit 1; }
}
build a "$@"
build b "$@"

# the jars as the modules' builds wrote them (the staged copies are the same files; a SNAPSHOT's carry the time of
# the staging in their names). The POMs are the committed files, copied as they are.
list() {
    (cd "$work/$1" && find runtime/target plugin/target -maxdepth 1 -name '*.jar' | sort)
}
jars="$(list a)"
if [[ "$(wc -l <<< "$jars")" -ne 6 || "$jars" != "$(list b)" ]]; then
    echo "expected the same 6 jars from both builds (main, sources, Javadoc of runtime and plugin):"
    echo "$jars"
    exit 1
fi
status=0
while read -r file; do
    a="$work/a/$file"
    b="$work/b/$file"
    hash_a="$(sha256sum < "$a" | cut -d' ' -f1)"
    hash_b="$(sha256sum < "$b" | cut -d' ' -f1)"
    if [[ "$hash_a" == "$hash_b" ]]; then
        echo "same      $hash_a  $file"
    else
        status=1
        echo "DIFFERENT $hash_a / $hash_b  $file"
        # which entries differ in content, then in order, time or attributes
        rm -rf "$work/diff"
        mkdir -p "$work/diff/a" "$work/diff/b"
        unzip -q "$a" -d "$work/diff/a"
        unzip -q "$b" -d "$work/diff/b"
        diff -rq "$work/diff/a" "$work/diff/b" | sed 's/^/          /' || true
        diff <(unzip -Z -T "$a" | tail -n +3) <(unzip -Z -T "$b" | tail -n +3) | head -20 \
            | sed 's/^/          /' || true
    fi
done <<< "$jars"

if [[ $status -eq 0 ]]; then
    echo "reproducible: both builds of $commit gave the same bytes"
    rm -rf "$work"
else
    echo "NOT reproducible: the two builds are kept in $work"
fi
exit $status
