package dev.fashionmnist.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.internal.Natives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * fashionmnist-bom (bom/pom.xml) has no parent, so it repeats the versions of the engine: they must be the ones this
 * runtime is built against (versions.properties, filled in from the parent POM), its own version the runtime's, and
 * its natives every platform the runtime knows a natives jar for.
 */
class BomTest {
    private static Element bom;
    private static Map<String, String> properties;

    @BeforeAll
    static void readTheBom() throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        bom = parse(root.resolve("bom/pom.xml"));
        properties = new HashMap<>();
        NodeList list = child(bom, "properties").getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().trim());
            }
        }
    }

    @Test
    void theEngineVersionsAreTheOnesTheRuntimeIsBuiltAgainst() throws IOException {
        Properties built = new Properties();
        try (InputStream in = BomTest.class.getResourceAsStream("/dev/fashionmnist/runtime/versions.properties")) {
            built.load(in);
        }
        assertEquals(built.getProperty("djl"), properties.get("djl.version"));
        assertEquals(built.getProperty("pytorch"), properties.get("pytorch.version"));
        assertEquals(built.getProperty("pytorch") + "-" + built.getProperty("djl"), managed("pytorch-jni", null));
        assertEquals(built.getProperty("djl"), managed("pytorch-engine", null));
        assertEquals(built.getProperty("djl"), managed("api", null));
    }

    @Test
    void itsVersionIsTheRuntimesAndItManagesTheRuntime() throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        String parentVersion = child(parse(root.resolve("pom.xml")), "version").getTextContent().trim();
        assertEquals(parentVersion, child(bom, "version").getTextContent().trim());
        assertEquals(parentVersion, managed("fashionmnist-runtime", null));
    }

    @Test
    void itManagesTheNativesOfEveryPlatformTheRuntimeKnows() {
        Set<String> classifiers = new TreeSet<>();
        for (String[] machine : new String[][] {{"Linux", "amd64"}, {"Linux", "aarch64"}, {"Mac OS X", "aarch64"},
                {"Windows 11", "amd64"}}) {
            String classifier = Natives.classifier(machine[0], machine[1]).orElseThrow();
            classifiers.add(classifier);
            assertEquals(properties.get("pytorch.version"), managed("pytorch-native-cpu", classifier), classifier);
        }
        assertEquals(classifiers, managedClassifiers("pytorch-native-cpu"));
        assertEquals(properties.get("pytorch.version"), managed("pytorch-native-cu121", "linux-x86_64"));
    }

    /** The managed version of {@code artifactId} with {@code classifier} (null: none), its properties filled in. */
    private static String managed(String artifactId, String classifier) {
        for (Element dependency : managedDependencies()) {
            Node c = child(dependency, "classifier");
            if (artifactId.equals(child(dependency, "artifactId").getTextContent().trim())
                    && (classifier == null ? c == null : c != null && classifier.equals(c.getTextContent().trim()))) {
                return interpolate(child(dependency, "version").getTextContent().trim());
            }
        }
        throw new AssertionError("fashionmnist-bom does not manage " + artifactId + ":" + classifier);
    }

    private static Set<String> managedClassifiers(String artifactId) {
        Set<String> classifiers = new TreeSet<>();
        for (Element dependency : managedDependencies()) {
            if (artifactId.equals(child(dependency, "artifactId").getTextContent().trim())) {
                classifiers.add(child(dependency, "classifier").getTextContent().trim());
            }
        }
        return classifiers;
    }

    private static List<Element> managedDependencies() {
        NodeList list = child(child(bom, "dependencyManagement"), "dependencies").getElementsByTagName("dependency");
        List<Element> dependencies = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            dependencies.add((Element) list.item(i));
        }
        return dependencies;
    }

    private static String interpolate(String value) {
        String result = value.replace("${project.version}", child(bom, "version").getTextContent().trim());
        for (Map.Entry<String, String> p : properties.entrySet()) {
            result = result.replace("${" + p.getKey() + "}", p.getValue());
        }
        return result;
    }

    /** The direct child element {@code name} of {@code parent}, or null. */
    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Element parse(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }
}
