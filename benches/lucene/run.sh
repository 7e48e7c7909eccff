#!/usr/bin/env bash
# Lucene IndonesianAnalyzer baseline (issue #12): index a JSON Lines corpus with Lucene and print
# docs/s. Usage: benches/lucene/run.sh CORPUS.jsonl [INDEX_DIR] [THREADS]
# Needs a JDK and Debian's Lucene (installed here when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jars=/usr/share/java/lucene-core-4.10.4.jar:/usr/share/java/lucene-analyzers-common-4.10.4.jar
if [[ ! -f /usr/share/java/lucene-analyzers-common-4.10.4.jar ]]; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd=sudo
  $sudo_cmd apt-get install -y -q liblucene4.10-java >&2
fi
out="${TMPDIR:-/tmp}/telusur-lucene-classes"
mkdir -p "$out"
javac -d "$out" -cp "$jars" "$here/IndexJsonl.java"
dir="${2:-${TMPDIR:-/tmp}/telusur-lucene-index}"
rm -rf "$dir"
java -Xmx2g -cp "$out:$jars" IndexJsonl "$1" "$dir" "${3:-2}"
