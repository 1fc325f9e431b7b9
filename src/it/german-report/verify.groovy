import javax.imageio.ImageIO

/** The text of the PNG's iTXt chunk with keyword Title, or null. */
def pngTitle(File png) {
    def input = ImageIO.createImageInputStream(png)
    try {
        def reader = ImageIO.getImageReadersByFormatName('png').next()
        reader.setInput(input)
        def entries = reader.getImageMetadata(0).getAsTree('javax_imageio_png_1.0').getElementsByTagName('iTXtEntry')
        for (int i = 0; i < entries.length; i++) {
            if (entries.item(i).getAttribute('keyword') == 'Title') {
                return entries.item(i).getAttribute('text')
            }
        }
        return null
    } finally {
        input.close()
    }
}

// the console's bytes are UTF-8 where the build runs with a UTF-8 locale (see troubleshooting.md, "Console encoding")
def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('Building german-report') }
assert runs.size() == 3

// 1: German: the epochs, the diagnosis with decimal comma, the model, the gate, the report
def de = runs[0]
assert de =~ /\[INFO\] Gerät: cpu, denn /
assert de =~ /\[INFO\] Epoche 20\/20\b/
assert de =~ /\[INFO\] Modell: .*, angehängt als german-report-1\.0-SNAPSHOT-model\.zip und /
assert de =~ /\[WARNING\] Diagnose: Überanpassung: .*\d+,\d\d %/
assert de =~ /\[INFO\] Qualitätsgrenze minAccuracy eingehalten: Genauigkeit \d+,\d\d % erreicht /
assert de.contains('[INFO] Qualitätsgrenzen: 2 eingehalten, 0 verletzt')
assert de.contains('[INFO] Bericht: ')
['epoch 20/20', 'Diagnosis:', 'overfitting:', 'Gate minAccuracy', 'Quality gates:', 'Report: ', 'Model: '].each {
    assert !de.contains(it): "English in the German run: ${it}"
}

// 2: English: the language changes no fingerprint, so the model is up to date; everything said in English
def en = runs[1]
assert en.contains('[INFO] Model is up to date (')
assert !(en =~ /(?i)epoch(e)? \d+\/20/): 'the English run trained again'
assert en =~ /\[WARNING\] Diagnosis: overfitting: .*\d+\.\d\d%/
assert en.contains('[INFO] Gate minAccuracy passed: ')
assert en.contains('[INFO] Quality gates: 2 passed, 0 failed')
assert en.contains('[INFO] Report: ')
assert !en.contains('Überanpassung') && !en.contains('Bericht: ')

// 3: German from the JVM's locale (-Duser.language=de), still nothing trained
def jvm = runs[2]
assert jvm.contains('[INFO] Das Modell ist aktuell (')
assert jvm =~ /\[WARNING\] Diagnose: Überanpassung: /
assert jvm.contains('[INFO] Bericht: ')

// what run 3 wrote: a German report and German plots
def out = new File(basedir, 'target/fashionmnist')
def html = new File(out, 'report.html').getText('UTF-8')
assert html.contains('<html lang="de"')
['id="diagnosis">Diagnose<', 'Überanpassung'].each { assert html.contains(it): "report.html lacks ${it}" }
['Metrics per epoch', '>Diagnosis<', 'overfitting:'].each { assert !html.contains(it): "report.html still says ${it}" }
// the gates table in German although run 2 evaluated in English: German numbers and class names
def german = ['T-Shirt/Top', 'Hose', 'Pullover', 'Kleid', 'Mantel', 'Sandale', 'Hemd', 'Sneaker', 'Tasche', 'Stiefelette']
assert html =~ /<tr><th class="l">Grenze<\/th><th>gemessen<\/th><th>gefordert<\/th>/
assert html =~ /<tr><td class="l">minAccuracy<\/td><td>\d+,\d\d %<\/td><td>≥ 50,00 %<\/td><td class="l pass">bestanden</
def lowest = html =~ /<tr><td class="l">minClassAccuracy<\/td><td>\d+,\d\d % \(niedrigste: ([^)]+)\)<\/td><td>≥ 0,00 % in jeder Klasse<\/td>/
assert lowest.find(): 'the German class gate row'
assert german.contains(lowest.group(1)): "a German class name: ${lowest.group(1)}"
def xml = new File(out, 'TEST-fashionmnist-evaluation.xml').getText('UTF-8')
assert xml =~ /<property name="gate.minClassAccuracy.measured" value="\d+\.\d\d% \(lowest: [^)]+\)"\/>/
assert xml.contains('<property name="gate.minClassAccuracy.required" value="≥ 0.00% in every class"/>')
assert pngTitle(new File(out, 'accuracy.png')) == 'Genauigkeit pro Epoche'
assert pngTitle(new File(out, 'loss.png')) == 'Verlust pro Epoche'
// drawn again by report from the CSVs that evaluate (English in run 2) left: German again
assert pngTitle(new File(out, 'confusion-matrix.png')) == 'Konfusionsmatrix (10.000 Testbilder)'
assert pngTitle(new File(out, 'misclassified.png')).startsWith('wahr: ')
assert html =~ /\d+,\d\d %/
['Konfusionsmatrix', 'Stiefelette', 'Genauigkeit pro Epoche'].each { assert html.contains(it): "report.html lacks ${it}" }
['Ankle boot', 'Confusion matrix', 'Accuracy per epoch'].each { assert !html.contains(it): "report.html still says ${it}" }
return true
