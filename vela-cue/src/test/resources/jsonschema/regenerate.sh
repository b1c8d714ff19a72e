#!/usr/bin/env bash
# Rebuilds constructs.expected.json: `cue-oracle openapi constructs.cue` (CUE v0.4.3's
# encoding/openapi, default Config) with components.schemas.parameter converted to JSON Schema
# draft 2020-12 by the rules CueValue.jsonSchema() follows: `$ref`s expanded (recording where, in
# "refs": the oracle drops a field's doc there), `nullable: true` -> `type: [T, "null"]`, boolean
# exclusiveMinimum/Maximum -> numeric ones. Nothing comes from our own code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oracle=${CUE_ORACLE:-$here/../../../../../../shared/tools/cue-oracle}
[[ -x $oracle ]] || oracle=$here/../../../../../../../shared/tools/cue-oracle
CUE_ORACLE_ENGINE=v0.4.3 "$oracle" openapi "$here/constructs.cue" >"$here/constructs.openapi"
python3 - "$here" <<'PY'
import copy, json, os, sys
here = sys.argv[1]
doc = json.load(open(os.path.join(here, "constructs.openapi")))
comps = doc["components"]["schemas"]
refs = []
def conv(node, at):
    if isinstance(node, list):
        return [conv(n, "%s/%d" % (at, i)) for i, n in enumerate(node)]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        refs.append(at)
        return conv(copy.deepcopy(comps[node["$ref"].split("/")[-1]]), at)
    out = {k: conv(v, at + "/" + k) if k != "properties" else
           {p: conv(s, at + "/properties/" + p) for p, s in v.items()} for k, v in node.items()}
    if out.pop("nullable", False) and "type" in out:
        out["type"] = [out["type"], "null"]
    for b, f in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(out.get(f), bool):
            if out.pop(f):
                out[f] = out.pop(b)
    return out
schema = conv(comps["parameter"], "")
with open(os.path.join(here, "constructs.expected.json"), "w") as f:
    json.dump({"schema": schema, "refs": refs}, f, indent=2, sort_keys=True)
    f.write("\n")
os.remove(os.path.join(here, "constructs.openapi"))
PY
