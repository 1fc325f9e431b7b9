/**
 * The runtime's API: what an application calls to classify images with a model that fashionmnist-maven-plugin
 * trained.
 * <p>
 * {@link dev.fashionmnist.runtime.Classifier} loads a model (from the class path, a directory or a model zip) and
 * returns {@link dev.fashionmnist.runtime.Prediction}s; every problem is a
 * {@link dev.fashionmnist.runtime.ClassifierException} whose {@link dev.fashionmnist.runtime.Message} can be worded in
 * any {@link dev.fashionmnist.runtime.Language}. Only this package is meant for applications, and its public
 * signatures name no type of the internal packages.
 * <p>
 * A project whose build runs the plugin's {@code train} goal attaches its model as a jar with classifier
 * {@code model}. An application depends on that jar, on this runtime and on the PyTorch natives of its platform (see
 * {@link dev.fashionmnist.runtime.Classifier} for which), for example:
 * <pre>{@code
 * <dependency>
 *   <groupId>com.example</groupId>
 *   <artifactId>my-classifier</artifactId>
 *   <version>1.0</version>
 *   <classifier>model</classifier>
 * </dependency>
 * <dependency>
 *   <groupId>dev.fashionmnist</groupId>
 *   <artifactId>fashionmnist-runtime</artifactId>
 *   <version>0.1.0</version>
 * </dependency>
 * }</pre>
 * Then it loads the one model on its class path and classifies an image file:
 * <pre>{@code
 * try (Classifier classifier = Classifier.fromClasspath()) {
 *     BufferedImage image = ImageIO.read(new File("boot.png"));
 *     for (Prediction p : classifier.classify(image, 3)) {
 *         System.out.printf("%s %.1f%%%n", p.className(), 100 * p.probability());
 *     }
 * } catch (ClassifierException e) {
 *     System.err.println(e.getMessage()); // one line that says what is wrong and what to do
 * }
 * }</pre>
 * {@link dev.fashionmnist.runtime.Classifier#load(java.nio.file.Path)} loads a model directory
 * ({@code target/fashionmnist/model}) or a model zip instead.
 *
 * @since 0.1.0
 */
package dev.fashionmnist.runtime;
