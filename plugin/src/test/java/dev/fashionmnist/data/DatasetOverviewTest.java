package dev.fashionmnist.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.runtime.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dataset's shapes and classes as the download-data goal logs them, in both languages. */
class DatasetOverviewTest {
    private static LoadedDataset fashion() {
        IdxImages train = new IdxImages(3, 2, 2, new byte[12]);
        IdxImages test = new IdxImages(2, 2, 2, new byte[8]);
        return new LoadedDataset(DatasetCatalog.fashionMnist(), train, new IdxLabels(new byte[3]), test,
                new IdxLabels(new byte[2]));
    }

    @Test
    void englishKeepsTheDatasetsNames() {
        assertEquals(List.of("train images: 3x2x2, train labels: 3", "test images:  2x2x2, test labels:  2",
                "classes (10): 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, "
                        + "8 Bag, 9 Ankle boot"), DatasetOverview.lines(fashion()));
    }

    @Test
    void germanNamesFashionMnistsClassesInGerman() {
        assertEquals(List.of("Trainingsbilder: 3x2x2, Klassenangaben: 3", "Testbilder:      2x2x2, Klassenangaben: 2",
                "Klassen (10): 0 T-Shirt/Top, 1 Hose, 2 Pullover, 3 Kleid, 4 Mantel, 5 Sandale, 6 Hemd, 7 Sneaker, "
                        + "8 Tasche, 9 Stiefelette"), DatasetOverview.lines(fashion(), Language.GERMAN));
    }
}
