// The project's tests ran against the installed vela-testing, and vela:validate checked its sources.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Vela sources valid: 1 file, 1 application, 0 warnings')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
return true
