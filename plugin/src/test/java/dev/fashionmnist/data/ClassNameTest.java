package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A class's name as a message argument: German names for Fashion-MNIST, the dataset's own name otherwise. */
class ClassNameTest {
    private static final List<String> ENGLISH = DatasetCatalog.fashionMnist().classNames();

    private static List<String> names(String dataset, List<String> names, Language language) {
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> new ClassName(dataset, i, names.get(i)).in(language)).toList();
    }

    @Test
    void everyFashionMnistClassInBothLanguages() {
        assertEquals(List.of("T-Shirt/Top", "Hose", "Pullover", "Kleid", "Mantel", "Sandale", "Hemd", "Sneaker",
                "Tasche", "Stiefelette"), names(DatasetCatalog.FASHION_MNIST, ENGLISH, Language.GERMAN));
        assertEquals(ENGLISH, names(DatasetCatalog.FASHION_MNIST, ENGLISH, Language.ENGLISH));
    }

    @Test
    void otherNamesStayAsTheyAre() {
        assertEquals(ENGLISH, names(DatasetCatalog.MNIST, ENGLISH, Language.GERMAN), "another dataset");
        assertEquals(ENGLISH, names(null, ENGLISH, Language.GERMAN), "no dataset");
        assertEquals("shirt 'x'", new ClassName(DatasetCatalog.FASHION_MNIST, 6, "shirt 'x'").in(Language.GERMAN),
                "a name Fashion-MNIST does not have");
        assertEquals("Klasse 'Hemd': Genauigkeit 1,00 % liegt unter dem geforderten Minimum von 2,00 %",
                Messages.of("evaluate.gate.class.below", new ClassName("fashion-mnist", 6, "Shirt"), 1.0, 2.0)
                        .in(Language.GERMAN));
        assertEquals("Shirt", new ClassName("fashion-mnist", 6, "Shirt").toString());
        assertEquals(new Message(Message.RUNTIME_BUNDLE, "literal", "Shirt"), new ClassName("mnist", 6, "Shirt")
                .message());
    }
}
