// the failure names the bundle, the package it imports and that nothing provides it
def log = new File(basedir, 'build.log').text
assert log.contains('Unable to resolve org.drlp.data')
assert log.contains("missing requirement osgi.wiring.package;filter:='(&(osgi.wiring.package=org.apache.commons.csv)")
return true
