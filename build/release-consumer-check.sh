#!/usr/bin/env bash
# A user of the release: a second project, outside this repository, that uses the plugin (the help goal and a tiny
# train: mlp, 500 training images, 1 epoch) and the runtime with its versions from the BOM (compiled against, then run
# on the model just trained), and resolves all three ONLY from the staged bundle, read as a file: repository.
# Stage the bundle first:
#
#   mvn -B -P release verify            (target/staging-deploy)
#   build/release-consumer-check.sh [staging folder] [extra Maven arguments]
#
# The project gets a fresh local repository, so that nothing of dev.fashionmnist can come from ~/.m2; the script
# fails unless every dev.fashionmnist file in it came from the staged folder. Third-party artifacts (Maven's own
# plugins, DJL, the PyTorch natives) come from Maven Central. THIRD_PARTY_REPOSITORY=<url> mirrors Central to
# another repository instead (a company's repository manager, or a folder in repository layout, file:///...), which
# must hold all that this check uses: the plugins named below, maven-help-plugin 3.5.2, DJL, the PyTorch natives.
# The check above still holds: a dev.fashionmnist file from there fails it.
# The training data comes from the usual places (the system copy /usr/share/datasets/fashion-mnist, the download).
# KEEP=1 keeps the project's folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
staging="$(cd "${1:-$root/target/staging-deploy}" && pwd)"
shift || true
plugin_dir="$staging/dev/fashionmnist/fashionmnist-maven-plugin"
[[ -d "$plugin_dir" ]] || { echo "no plugin in $staging: run mvn -B -P release verify first"; exit 1; }
version="$(find "$plugin_dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tail -1)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fashionmnist-consumer.XXXXXX")"
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT
echo "staged bundle: $staging (version $version)"
echo "consumer project: $work"

mirror=""
if [[ -n "${THIRD_PARTY_REPOSITORY:-}" ]]; then
    mirror="<mirrors><mirror><id>third-party</id><mirrorOf>central</mirrorOf>"
    mirror+="<url>$THIRD_PARTY_REPOSITORY</url></mirror></mirrors>"
    echo "third-party artifacts: $THIRD_PARTY_REPOSITORY (mirror of central)"
else
    echo "third-party artifacts: Maven Central"
fi
cat > "$work/settings.xml" <<EOF
<settings>
  <localRepository>$work/m2</localRepository>
  $mirror
  <profiles>
    <profile>
      <id>staged-release</id>
      <repositories>
        <repository>
          <id>staged</id>
          <url>file://$staging</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>true</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>staged</id>
          <url>file://$staging</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>true</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>staged-release</activeProfile>
  </activeProfiles>
</settings>
EOF

mkdir -p "$work/project/src/main/java/com/example/consumer"
cat > "$work/project/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>release-consumer</artifactId>
  <version>1.0.0</version>
  <packaging>jar</packaging>

  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
    <release.version>$version</release.version>
  </properties>

  <!-- the versions of the runtime and of the natives, as an application takes them -->
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.fashionmnist</groupId>
        <artifactId>fashionmnist-bom</artifactId>
        <version>\${release.version}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <dependency>
      <groupId>dev.fashionmnist</groupId>
      <artifactId>fashionmnist-runtime</artifactId>
    </dependency>
    <!-- the PyTorch natives of this platform (the runtime brings pytorch-jni) -->
    <dependency>
      <groupId>ai.djl.pytorch</groupId>
      <artifactId>pytorch-native-cpu</artifactId>
      <classifier>linux-x86_64</classifier>
      <scope>runtime</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>3.5.2</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.4.1</version>
      </plugin>
      <plugin>
        <groupId>dev.fashionmnist</groupId>
        <artifactId>fashionmnist-maven-plugin</artifactId>
        <version>\${release.version}</version>
        <executions>
          <execution>
            <id>help</id>
            <phase>validate</phase>
            <goals>
              <goal>help</goal>
            </goals>
          </execution>
          <execution>
            <id>train</id>
            <goals>
              <goal>train</goal>
            </goals>
            <configuration>
              <architecture>mlp</architecture>
              <trainSize>500</trainSize>
              <testSize>1000</testSize>
              <epochs>1</epochs>
              <modelCache>false</modelCache>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <!-- what the build resolved, and the class path to run the application with -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>resolved</id>
            <phase>package</phase>
            <goals>
              <goal>tree</goal>
            </goals>
          </execution>
          <execution>
            <id>class-path</id>
            <phase>package</phase>
            <goals>
              <goal>build-classpath</goal>
            </goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <outputFile>\${project.build.directory}/class-path.txt</outputFile>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
cat > "$work/project/src/main/java/com/example/consumer/ClassifyFirstTestImage.java" <<'EOF'
package com.example.consumer;

import dev.fashionmnist.runtime.Classifier;
import dev.fashionmnist.runtime.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loads the model the build trained and classifies the first image of a Fashion-MNIST IDX file. */
public final class ClassifyFirstTestImage {
    public static void main(String[] args) throws IOException {
        byte[] pixels = new byte[28 * 28];
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            in.skipNBytes(16);
            in.readNBytes(pixels, 0, pixels.length);
        }
        try (Classifier classifier = Classifier.load(Path.of(args[0]))) {
            StringBuilder line = new StringBuilder("first test image:");
            for (Prediction p : classifier.classify(pixels, 3)) {
                line.append(String.format(Locale.ROOT, " %s %.1f%%", p.className(), 100 * p.probability()));
            }
            System.out.println(line);
        }
    }
}
EOF

cd "$work/project"
mvn -B -Dstyle.color=never -s "$work/settings.xml" package "$@" | tee "$work/build.log" \
        | grep -v -E '^\[INFO\] (Downloading from|Downloaded from (central|third-party))' || {
    echo "consumer build failed (log: $work/build.log)"; KEEP=1; trap - EXIT; exit 1; }

echo
echo "== dev.fashionmnist in the consumer's fresh local repository, and where each file came from"
(cd "$work/m2" && find dev/fashionmnist -type f ! -name '*.sha1' ! -name '*.md5' ! -name '_remote.repositories' \
    ! -name 'resolver-status.properties' | sort)
origins="$(cd "$work/m2" && find dev/fashionmnist -name _remote.repositories -exec grep -h '>' {} + | sort -u)"
echo "$origins"
metadata="$(cd "$work/m2" && find dev/fashionmnist -name 'maven-metadata-*.xml' -printf '%f\n' | sort -u)"
[[ -n "$origins$metadata" ]] || { echo "nothing of dev.fashionmnist was resolved"; exit 1; }
if grep -v '>staged=$' <<< "$origins" | grep -q . || grep -v '^maven-metadata-staged\.xml$' <<< "$metadata" | grep -q .
then
    echo "FAILED: something of dev.fashionmnist came from elsewhere than the staged bundle"
    exit 1
fi
echo "all of dev.fashionmnist came from the staged bundle (repository id 'staged')"

echo
echo "== what Maven Central asks of a POM, in the runtime's and the plugin's as resolved (effective, after inheritance)"
for artifact in fashionmnist-runtime fashionmnist-maven-plugin; do
    mkdir -p "$work/effective/$artifact"
    cp "$(find "$work/m2/dev/fashionmnist/$artifact" -name '*.pom' | head -1)" "$work/effective/$artifact/pom.xml"
    (cd "$work/effective/$artifact" && mvn -B -q -Dstyle.color=never -s "$work/settings.xml" \
        org.apache.maven.plugins:maven-help-plugin:3.5.2:effective-pom \
        -Doutput=effective.xml > mvn.log) || { cat "$work/effective/$artifact/mvn.log"; exit 1; }
    python3 - "$work/effective/$artifact/effective.xml" "$artifact" <<'PY'
import sys, xml.etree.ElementTree as T
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
pom = T.parse(sys.argv[1]).getroot()
for path in ["name", "description", "url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
             "scm/url", "scm/connection", "scm/developerConnection", "issueManagement/url"]:
    e = pom.find("/".join("m:" + p for p in path.split("/")), ns)
    if e is None or not e.text.strip():
        sys.exit(f"FAILED: {sys.argv[2]} has no {path}")
    print(f"{sys.argv[2]} {path}: {' '.join(e.text.split())}")
PY
done

echo
echo "== the runtime, used by an application: the model the build trained, on the first test image"
test_images="$(find "$work/m2/.cache" -name 't10k-images-idx3-ubyte' | head -1)"
java -Dslf4j.internal.verbosity=ERROR -cp "target/classes:$(cat target/class-path.txt)" \
    com.example.consumer.ClassifyFirstTestImage \
    target/fashionmnist/model "$test_images"
echo "consumer check passed"
