// Leaves what an earlier build would have: the rendering of an application that is gone (vela:render
// deletes it) and a YAML file that vela:render did not write (kept).
def out = new File(basedir, 'target/vela')
out.mkdirs()
new File(out, 'gone.yaml').text = '---\n# Application(gone) -- Component(web)\napiVersion: v1\nkind: ConfigMap\n'
new File(out, 'notes.yaml').text = 'mine: true\n'
return true
