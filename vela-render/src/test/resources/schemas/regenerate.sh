#!/usr/bin/env bash
# Rebuilds the expected parameter schemas of the built-in catalogue
# (vela-render/src/test/resources/schemas/<kind>/<name>.{cue,schema.json}) with the reference CUE
# (../shared/tools/cue-oracle openapi, engine v0.4.3), as KubeVela builds a definition's schema.
#
#   vela-render/src/test/resources/schemas/regenerate.sh [NAME_FILTER]
#
# For each catalogue file (src/main/resources/io/vela4j/render/catalogue/<kind>/<name>.cue):
# 1. <name>.cue: the template's `parameter` written as `#parameter`, plus every definition of the
#    template it refers to (transitively) and the file's imports, as KubeVela's GenOpenAPI puts
#    the parameter under `#parameter` in a file of its own. Committed: it is the oracle's input.
# 2. `cue-oracle openapi <name>.cue`: CUE's encoding/openapi document (OpenAPI 3.0; referenced
#    definitions are `$ref`s to components.schemas).
# 3. <name>.schema.json: components.schemas.parameter converted to JSON Schema draft 2020-12 --
#    `$ref`s expanded (KubeVela sets ExpandReferences), `nullable: true` -> `type: [T, "null"]`,
#    boolean `exclusiveMinimum/Maximum` -> numeric ones -- then KubeVela's FixOpenAPISchema
#    post-processing as Vela4J applies it: every property's name as its `title`, `+usage=` text as
#    `description`, other `+tag` lines dropped (see vela-render/README.md, "Parameter schemas").
#    When the oracle rejects the input, <name>.schema.err holds its message instead.
# 4. expanded-refs.json: for each definition, the JSON Pointers where the oracle wrote a `$ref`. With
#    its default Config CUE drops the field's own doc comment there (KubeVela's ExpandReferences
#    keeps it), so the test does not compare `description` at those places.
#
# Nothing here comes from our own code: the input is text cut out of the catalogue files, the
# output is the oracle's, converted by the rules above.
set -euo pipefail
filter=${1:-}
here=$(cd "$(dirname "$0")" && pwd)
catalogue=$here/../../../main/resources/io/vela4j/render/catalogue
oracle=${CUE_ORACLE:-$here/../../../../../../shared/tools/cue-oracle}
[[ -x $oracle ]] || oracle=$here/../../../../../../../shared/tools/cue-oracle
[[ -x $oracle ]] || { echo "cue-oracle not found; set CUE_ORACLE" >&2; exit 2; }
export CUE_ORACLE_ENGINE=v0.4.3

python3 - "$catalogue" "$here" "$filter" <<'PY'
import os, re, sys
catalogue, out, flt = sys.argv[1:4]
DECL = re.compile(r"^\t(#?[A-Za-z_][A-Za-z0-9_]*)\s*:")

def chunks(body):
    """Top-level declarations of a template body: name -> text (with its doc comment)."""
    lines = body.split("\n")
    result, current, name, pending = {}, [], None, []
    for line in lines:
        m = DECL.match(line)
        if m:
            if name is not None:
                result[name] = "\n".join(current)
            name, current, pending = m.group(1), pending + [line], []
        elif line.startswith("\t//") and not line.startswith("\t\t"):
            pending.append(line)
        elif line.strip() == "":
            pending = []
            if name is not None:
                current.append(line)
        else:
            current.extend(pending)
            pending = []
            current.append(line)
    if name is not None:
        result[name] = "\n".join(current)
    return result

for kind in ("component", "trait", "policy"):
    for fn in sorted(os.listdir(os.path.join(catalogue, kind))):
        name = fn[:-4]
        if flt and name != flt:
            continue
        src = open(os.path.join(catalogue, kind, fn)).read()
        lines = src.split("\n")
        start = next(i for i, l in enumerate(lines) if re.match(r"^template:\s*\{", l))
        end = max(i for i, l in enumerate(lines) if l.rstrip() == "}")
        decls = chunks("\n".join(lines[start + 1:end]))
        imports = "\n".join(m.group(0) for m in re.finditer(r"^import\s*(\([^)]*\)|\"[^\"]*\")", src, re.M))
        wanted, todo = [], ["parameter"]
        while todo:
            d = todo.pop(0)
            if d in wanted or d not in decls:
                continue
            wanted.append(d)
            todo.extend(re.findall(r"(#[A-Za-z_][A-Za-z0-9_]*)", re.sub(r"//.*", "", decls[d])))
        text = []
        for d in wanted:
            t = decls[d]
            if d == "parameter":
                t = re.sub(r"^\tparameter(\s*):", r"\t#parameter\1:", t, flags=re.M, count=1)
            text.append("\n".join(l[1:] if l.startswith("\t") else l for l in t.split("\n")).rstrip())
        os.makedirs(os.path.join(out, kind), exist_ok=True)
        body = "\n".join(text) + "\n"
        used = [p for p in re.findall(r"\"([a-z/]+)\"", imports) if re.search(r"\b" + p.split("/")[-1] + r"\.", body)]
        head = "".join('import "%s"\n' % p for p in used)
        open(os.path.join(out, kind, name + ".cue"), "w").write(
            "// Input of regenerate.sh: the parameter of the catalogue's %s %s, as KubeVela's GenOpenAPI sees it.\n\n%s%s%s"
            % (kind, name, head, "\n" if head else "", body))
PY

for cue in "$here"/*/*.cue; do
  name=$(basename "$cue" .cue)
  [[ -n $filter && $name != "$filter" ]] && continue
  base=${cue%.cue}
  if "$oracle" openapi "$cue" >"$base.openapi" 2>"$base.schema.err"; then
    rm -f "$base.schema.err"
  else
    rm -f "$base.openapi" "$base.schema.json"
    echo "$cue: $(head -c 300 "$base.schema.err")" >&2
  fi
done

python3 - "$here" "$filter" <<'PY'
import copy, json, os, sys
here, flt = sys.argv[1:3]

def expand(node, comps, refs, at="", seen=()):
    """Inlines $refs (recording the JSON Pointer of each: the oracle drops a field's doc there)."""
    if isinstance(node, list):
        return [expand(n, comps, refs, "%s/%d" % (at, i), seen) for i, n in enumerate(node)]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"].split("/")[-1]
        if ref in seen:
            raise SystemExit("recursive $ref " + ref)
        refs.append(at)
        target = copy.deepcopy(comps[ref])
        target.update({k: v for k, v in node.items() if k != "$ref"})
        return expand(target, comps, refs, at, seen + (ref,))
    out = {}
    for k, v in node.items():
        if k in ("properties",):
            out[k] = {p: expand(s, comps, refs, at + "/properties/" + p, seen) for p, s in v.items()}
        elif k in ("items", "additionalProperties", "not") and isinstance(v, dict):
            out[k] = expand(v, comps, refs, at + "/" + k, seen)
        elif k in ("oneOf", "anyOf", "allOf"):
            out[k] = [expand(s, comps, refs, "%s/%s/%d" % (at, k, i), seen) for i, s in enumerate(v)]
        else:
            out[k] = v
    return to2020(out)

def to2020(s):
    if s.pop("nullable", False) and "type" in s:
        s["type"] = [s["type"], "null"]
    for bound, flag in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if flag in s and isinstance(s[flag], bool):
            if s.pop(flag):
                s[flag] = s.pop(bound)
    return s

def usage(desc):
    lines = [l.strip() for l in desc.split("\n")]
    for i, l in enumerate(lines):
        if l.startswith("+usage="):
            keep = [l[len("+usage="):]]
            for m in lines[i + 1:]:
                if m.startswith("+"):
                    break
                keep.append(m)
            return "\n".join(keep).strip()
    return "\n".join(l for l in lines if not l.startswith("+")).strip()

def fix(s, title=None):
    if not isinstance(s, dict):
        return
    if title is not None:
        s["title"] = title
    if "description" in s:
        d = usage(s["description"])
        if d:
            s["description"] = d
        else:
            del s["description"]
    for p, v in s.get("properties", {}).items():
        fix(v, p)
    for k in ("items", "additionalProperties", "not"):
        fix(s.get(k))
    for k in ("oneOf", "anyOf", "allOf"):
        for v in s.get(k, []):
            fix(v)

refs_file = os.path.join(here, "expanded-refs.json")
all_refs = json.load(open(refs_file)) if os.path.exists(refs_file) else {}
for kind in sorted(os.listdir(here)):
    if not os.path.isdir(os.path.join(here, kind)):
        continue
    for fn in sorted(os.listdir(os.path.join(here, kind))):
        if not fn.endswith(".openapi") or (flt and fn[:-8] != flt):
            continue
        path = os.path.join(here, kind, fn)
        doc = json.load(open(path))
        comps = doc["components"]["schemas"]
        refs = []
        schema = expand(comps["parameter"], comps, refs)
        fix(schema)
        schema = dict([("$schema", "https://json-schema.org/draft/2020-12/schema")] + list(schema.items()))
        with open(path[:-8] + ".schema.json", "w") as f:
            json.dump(schema, f, indent=2, sort_keys=True)
            f.write("\n")
        all_refs[kind + "/" + fn[:-8]] = refs
        os.remove(path)
with open(refs_file, "w") as f:
    json.dump(all_refs, f, indent=2, sort_keys=True)
    f.write("\n")
PY
