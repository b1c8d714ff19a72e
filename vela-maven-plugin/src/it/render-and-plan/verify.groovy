// The plugin writes exactly what the CLI writes. expected/ was made with the CLI from this project:
//   ./vela4j dry-run -f src/main/vela/shop.yaml -d vela/definitions --clusters vela/clusters.yaml > expected/shop.yaml
//   ./vela4j dispatch plan --via ocm -f src/main/vela/shop.yaml -d vela/definitions \
//       --clusters vela/clusters.yaml -o expected/dispatch
def log = new File(basedir, 'build.log').text
def expected = new File(basedir, 'expected')
def out = new File(basedir, 'target/vela')

assert log.contains('[INFO] Vela sources valid: 1 file, 1 application, 0 warnings')
assert !log.contains('[WARNING] ' + basedir)

// vela:render: one file per application, the dry-run text
assert new File(out, 'shop.yaml').text == new File(expected, 'shop.yaml').text
assert !new File(out, 'gone.yaml').exists()
assert new File(out, 'notes.yaml').text == 'mine: true\n'
assert log.contains('[INFO] Rendered shop (4 objects) to ')

// vela:plan: one file per target, as `vela4j dispatch plan -o` writes them
def planned = new File(out, 'dispatch').list().sort()
assert planned == new File(expected, 'dispatch').list().sort()
planned.each { assert new File(out, "dispatch/$it").text == new File(expected, "dispatch/$it").text }
assert log =~ /\[INFO\] Plan [0-9a-f]{64} \(ocm\) written to /

// attach: install published the rendered file with classifier vela-shop
def installed = new File(localRepositoryPath, 'it/vela4j/render-and-plan/1.0/render-and-plan-1.0-vela-shop.yaml')
assert installed.text == new File(expected, 'shop.yaml').text
return true
