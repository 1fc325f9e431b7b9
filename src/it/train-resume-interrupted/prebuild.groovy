// Runs this project's build (download-data, train: 4 epochs) as a child Maven, the way the invoker would, and kills it
// for real once the checkpoint after epoch 2 exists: SIGKILL to the Maven JVM and to its descendants (the engine's
// forked JVM), as a machine that is switched off or a preempted CI job would. No fixed sleeps: it polls for the
// checkpoint (with a generous upper bound) and waits for the processes to be gone.
import java.util.concurrent.TimeUnit

def mavenHome = new File(System.getProperty('maven.home'))
def mvn = new File(mavenHome, 'bin/mvn')
// the invoker writes the ITs' settings (src/it/settings.xml, interpolated) beside the cloned projects
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
assert settings.isFile(): "no ${settings}"
def checkpoint = new File(basedir, 'target/fashionmnist/checkpoints/epoch-0002')
def logFile = new File(basedir, 'killed-run.log')

def builder = new ProcessBuilder(mvn.absolutePath, '-B', '-s', settings.absolutePath,
        "-Dmaven.repo.local=${localRepositoryPath.absolutePath}".toString(), 'verify')
        .directory(basedir).redirectErrorStream(true).redirectOutput(logFile)
builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
builder.environment().put('MAVEN_OPTS', '-Duser.language=en -Duser.country=US')
def process = builder.start()

long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10)
while (!checkpoint.isDirectory() && process.isAlive() && System.nanoTime() < deadline) {
    Thread.sleep(20)
}
def handle = process.toHandle()
def tree = handle.descendants().toList() + [handle]
assert process.isAlive(): "the run ended before it could be killed:\n${logFile.text}"
assert checkpoint.isDirectory(): "no checkpoint after epoch 2 within 10 minutes:\n${logFile.text}"
tree.each { it.destroyForcibly() }
tree.each { assert it.onExit().get(1, TimeUnit.MINUTES) != null }
assert tree.size() >= 2: "the engine's forked JVM was not found among Maven's descendants"

def out = new File(basedir, 'target/fashionmnist')
assert !new File(out, 'model').exists(): 'the killed run wrote no model'
assert new File(out, 'run.json').text.contains('"running"'): 'a killed run still says running in run.json'
assert !logFile.text.contains('BUILD SUCCESS') && !logFile.text.contains('BUILD FAILURE')
return true
