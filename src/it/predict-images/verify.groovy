def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Predictions of mlp 784-128-10 (fashion-mnist):')
assert log =~ /photo-on-white\.png: \S.* \d+\.\d%.*\(inverted\)/
assert log =~ /test-1-pullover\.png: [^(]+\d%\n/
assert log.contains("Parameter 'invert' is 'maybe': use auto")
def rows = new File(basedir, 'target/fashionmnist/predictions.csv').readLines()
assert rows[0] == 'image,inverted,class_1,probability_1,class_2,probability_2,class_3,probability_3'
assert rows.size() == 4
def byName = rows.drop(1).collectEntries { r -> def c = r.split(','); [(new File(c[0]).name): c] }
assert byName['photo-on-white.png'][1] == 'true'
assert byName['test-1-pullover.png'][1] == 'false'
assert byName['test-2-trouser.png'][2] == 'Trouser'
def p = byName['test-2-trouser.png'][3] as double
assert p > 0.5 && p <= 1.0
return true
