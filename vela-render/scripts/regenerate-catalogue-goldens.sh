#!/usr/bin/env bash
# Rebuilds the expected results of the catalogue template tests
# (vela-render/src/test/resources/catalogue/cases/<kind>/<name>/<case>.expected.{json,err}) by evaluating
# KubeVela's OWN built-in definitions with the reference CUE (../shared/tools/cue-oracle, engine v0.4.3).
#
#   vela-render/scripts/regenerate-catalogue-goldens.sh KUBEVELA_DEFS_DIR [NAME_FILTER]
#
# KUBEVELA_DEFS_DIR holds KubeVela's definition files (vela-templates/definitions/internal/...) in the
# subfolders component/, trait/ and policy/, fetched by the developer at the commits listed in
# src/test/resources/catalogue/SOURCES.md. This script downloads nothing, and nothing from KubeVela is
# committed: only the JSON the oracle prints.
#
# How a case is evaluated: KubeVela renders a definition by compiling the BODY of its `template: {...}`
# block with `parameter: <properties>` and `context: <context>` appended at the top level (references to
# `context` inside the block only resolve there). The script does the same: the file's imports, then the
# body of `template`, then `parameter: <case.parameter>` and `context: <case.context>`; it then exports
# each field the definition declares (component: output, outputs; trait: patch, outputs, patchOutputs,
# errs; policy: parameter) with `-e FIELD`. Any failing export makes the case a rejection (.expected.err).
#
# A case with a `<case>.v014` sidecar has a hand-written CUE v0.14 expectation (the v0.4 oracle answers
# differently there, see SOURCES.md) and is never overwritten.
set -euo pipefail
defs=${1:?usage: $0 KUBEVELA_DEFS_DIR [NAME_FILTER]}
filter=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cases=$here/../src/test/resources/catalogue/cases
oracle=${CUE_ORACLE:-$here/../../../shared/tools/cue-oracle}
[[ -x $oracle ]] || oracle=$here/../../../../shared/tools/cue-oracle
[[ -x $oracle ]] || { echo "cue-oracle not found; set CUE_ORACLE" >&2; exit 2; }
export CUE_ORACLE_ENGINE=${CUE_ORACLE_ENGINE:-v0.4.3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$defs" "$cases" "$work" "$filter" <<'PY'
import json, os, re, sys
defs, cases, work, flt = sys.argv[1:5]
FIELDS = {"component": ["output", "outputs"], "trait": ["patch", "outputs", "patchOutputs", "errs"],
          "policy": ["parameter"]}
plan = []
for kind in sorted(os.listdir(cases)):
    for name in sorted(os.listdir(os.path.join(cases, kind))):
        if flt and name != flt:
            continue
        src = open(os.path.join(defs, kind, name + ".cue")).read()
        lines = src.split("\n")
        start = next(i for i, l in enumerate(lines) if re.match(r"^template:\s*\{", l))
        end = max(i for i, l in enumerate(lines) if l.rstrip() == "}")
        body = "\n".join(lines[start + 1:end])
        imports = "\n".join(m.group(0) for m in re.finditer(r"^import\s*(\([^)]*\)|\"[^\"]*\")", src, re.M))
        fields = [f for f in FIELDS[kind] if re.search(r"^\t" + f + r"\s*:", body, re.M)]
        folder = os.path.join(cases, kind, name)
        for fn in sorted(os.listdir(folder)):
            if not fn.endswith(".json") or fn.endswith(".expected.json") or fn == "directives.json":
                continue
            case = fn[:-5]
            if os.path.exists(os.path.join(folder, case + ".v014")):
                continue
            data = json.load(open(os.path.join(folder, fn)))
            program = "%s\n%s\nparameter: %s\ncontext: %s\n" % (imports, body, json.dumps(data["parameter"]),
                                                                   json.dumps(data.get("context", {})))
            key = "%s__%s__%s" % (kind, name, case)
            for f in fields:
                d = os.path.join(work, f)
                os.makedirs(d, exist_ok=True)
                open(os.path.join(d, key + ".cue"), "w").write(program)
            plan.append((key, folder, case, fields))
json.dump(plan, open(os.path.join(work, "plan.json"), "w"))
PY

for d in "$work"/*/; do
  f=$(basename "$d")
  "$oracle" batch "$d" "$f" >/dev/null
done

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
for key, folder, case, fields in json.load(open(os.path.join(work, "plan.json"))):
    result, error = {}, None
    for f in fields:
        base = os.path.join(work, f, key)
        if os.path.exists(base + ".err"):
            error = error or open(base + ".err").read().strip()
        else:
            result[f] = json.loads(open(base + ".json").read())
    for ext in (".expected.json", ".expected.err"):
        p = os.path.join(folder, case + ext)
        if os.path.exists(p):
            os.remove(p)
    if error is not None:
        open(os.path.join(folder, case + ".expected.err"), "w").write(error + "\n")
    else:
        open(os.path.join(folder, case + ".expected.json"), "w").write(json.dumps(result, indent=2) + "\n")
    print(("ERR " if error else "ok  ") + os.path.relpath(os.path.join(folder, case)))
PY
