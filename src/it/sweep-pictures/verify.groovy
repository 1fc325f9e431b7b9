import java.awt.Color
import javax.imageio.ImageIO

// colours of the plots (report/Charts): Okabe-Ito blue (train), orange (test), vermillion (best cell)
def TRAIN = new Color(0x00, 0x72, 0xb2)
def TEST = new Color(0xe6, 0x9f, 0x00)
def BEST = new Color(0xd5, 0x5e, 0x00)

def near = { int rgb, Color c, int tolerance ->
    def p = new Color(rgb)
    Math.abs(p.red - c.red) <= tolerance && Math.abs(p.green - c.green) <= tolerance &&
            Math.abs(p.blue - c.blue) <= tolerance
}
def count = { img, int x0, int y0, int w, int h, Closure<Boolean> test ->
    long n = 0
    for (int y = y0; y < y0 + h; y++) {
        for (int x = x0; x < x0 + w; x++) {
            if (test(img.getRGB(x, y))) n++
        }
    }
    n
}
def blue = { int rgb -> def p = new Color(rgb); p.blue >= p.red + 10 && !(p.red > 245 && p.green > 245) }

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Trial 8/8')
// one line for the whole sweep says where the trials' live pages are, not one per trial
assert (log =~ /reloads itself every 10 s/).size() == 1
assert log.contains("Each trial's report is updated after every epoch (open it in a browser, it reloads itself every 10 s)")

def out = new File(basedir, 'target/fashionmnist')
def header = new File(out, 'sweep.csv').readLines()[0].split(',')
assert header[2] == 'hiddenSize' && header[3] == 'trainSize'

// the heat map: hiddenSize down (2 rows), trainSize across (4 columns), every cell a shade of blue, one framed
def heat = ImageIO.read(new File(out, 'sweep-heatmap.png'))
assert heat.width == 800 && heat.height == 500
int left = heat.width, right = 0, top = heat.height, bottom = 0
for (int y = 0; y < heat.height; y++) {
    for (int x = 0; x < heat.width; x++) {
        if (blue(heat.getRGB(x, y))) {
            left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y)
        }
    }
}
int cellW = (right - left + 1).intdiv(4), cellH = (bottom - top + 1).intdiv(2)
assert cellW > 100 && cellH > 100: "the cells fill the plot: ${left}..${right} x ${top}..${bottom}"
def framed = []
def shades = [] as Set
for (int r = 0; r < 2; r++) {
    for (int c = 0; c < 4; c++) {
        int x = left + c * cellW, y = top + r * cellH
        long filled = count(heat, x, y, cellW, cellH, blue)
        assert filled > cellW * cellH / 2: "cell ${r},${c} is filled: ${filled}"
        shades << heat.getRGB(x + cellW.intdiv(8), y + cellH.intdiv(8))
        long text = count(heat, x + cellW.intdiv(4), y + cellH.intdiv(3), cellW.intdiv(2), cellH.intdiv(3)) { int p ->
            !blue(p) || new Color(p).red > 200 }
        assert text > 30: "cell ${r},${c} shows its value"
        if (count(heat, x, y, cellW, cellH) { int p -> near(p, BEST, 10) } > 300) framed << [r, c]
    }
}
assert framed.size() == 1: "exactly one cell is framed as the best: ${framed}"
assert shades.size() >= 4: "accuracies differ, so do the cells' shades: ${shades.size()}"

// per-parameter plots: test (orange) and train (blue) lines; trainSize's doublings on a log axis
['sweep-hiddenSize.png', 'sweep-trainSize.png'].each { name ->
    def img = ImageIO.read(new File(out, name))
    assert img.width == 800 && img.height == 500
    assert count(img, 0, 0, 800, 500) { int p -> near(p, TEST, 0) } > 200: "${name}: test line"
    assert count(img, 0, 0, 800, 500) { int p -> near(p, TRAIN, 0) } > 100: "${name}: train line"
}

// small multiples: 8 one-epoch trials, 4 panels a row, each with its train and test point
def curves = ImageIO.read(new File(out, 'sweep-curves.png'))
assert curves.width == 4 * 300 && curves.height == 46 + 2 * 220
for (int i = 0; i < 8; i++) {
    int x = (i % 4) * 300, y = 46 + i.intdiv(4) * 220
    assert count(curves, x, y, 300, 220) { int p -> near(p, TRAIN, 0) } > 20: "panel ${i}: train point"
    assert count(curves, x, y, 300, 220) { int p -> near(p, TEST, 0) } > 20: "panel ${i}: test point"
}

// a trial's own 1-epoch learning curves show their single point
def accuracy = ImageIO.read(new File(out, 'sweep/hiddenSize-2_trainSize-200/accuracy.png'))
assert count(accuracy, 0, 0, 800, 500) { int p -> near(p, TRAIN, 0) } > 20: 'one epoch: a train marker'
assert count(accuracy, 0, 0, 800, 500) { int p -> near(p, TEST, 0) } > 20: 'one epoch: a test marker'
def trialPage = new File(out, 'sweep/hiddenSize-2_trainSize-200/report.html').getText('UTF-8')
assert trialPage.contains('Training complete') && !trialPage.contains('http-equiv="refresh"')

def html = new File(out, 'report.html').getText('UTF-8')
['Test accuracy over two parameters at once', 'Test and train accuracy by trainSize',
 'Accuracy per epoch, one panel per trial'].each { assert html.contains(it): "report.html lacks ${it}" }
assert !html.contains('http-equiv="refresh"')
return true
