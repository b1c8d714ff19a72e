// vela:validate failed the build with one `file:line:column: path: message` line per problem, at the
// log level of its severity, the file being the absolute path the goal read.
def log = new File(basedir, 'build.log').text
def vela = new File(basedir, 'src/main/vela').path

def expected = [
    "[ERROR] ${vela}/scaled.yaml:15:23: spec.components[0].traits[0].properties.replicas: trait scaler of component web: ",
    "[ERROR] ${vela}/waiting.yaml:17:18: spec.workflow.steps[0].timeout: invalid timeout \"5 minutes\" (expected a duration such as 30s, 5m or 1h30m, found 5 minutes)",
    "[WARNING] ${vela}/waiting.yaml:12:7: spec.components[0].typo: unknown field \"typo\" (did you mean \"type\"?)",
]
expected.each { line ->
  assert log.readLines().any { it.startsWith(line) } : "build.log has no line starting with\n${line}\n---\n${log}"
}
assert log.contains('Vela sources are invalid: 2 errors, 1 warning; each is listed above as file:line:column: path: message')
assert log.contains('[INFO] BUILD FAILURE')
return true
