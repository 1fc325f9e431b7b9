package dev.fashionmnist.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a dataset is and where it officially lives: its name, class names, official base URLs, the SHA-256 of each
 * decoded (uncompressed) IDX file, the published MD5 of each official archive, and known system copies.
 *
 * @param payloadSha256 SHA-256 of the decoded IDX bytes per file; absent files are not pinned this way
 * @param archiveMd5    published MD5 of the official {@code .gz} archive per file, where one is published
 */
public record DatasetSpec(String name, boolean builtIn, List<String> classNames, List<URI> officialBaseUrls,
                          Map<DatasetFile, String> payloadSha256, Map<DatasetFile, String> archiveMd5,
                          List<Path> systemCopies) {

    public DatasetSpec {
        classNames = List.copyOf(classNames);
        officialBaseUrls = List.copyOf(officialBaseUrls);
        payloadSha256 = Map.copyOf(payloadSha256);
        archiveMd5 = Map.copyOf(archiveMd5);
        systemCopies = List.copyOf(systemCopies);
    }

    public int classCount() {
        return classNames.size();
    }

    /** True when a download of {@code file} can be checked against a published checksum. */
    public boolean isPinned(DatasetFile file) {
        return payloadSha256.containsKey(file) || archiveMd5.containsKey(file);
    }

    public boolean isFullyPinned() {
        for (DatasetFile f : DatasetFile.values()) {
            if (!isPinned(f)) {
                return false;
            }
        }
        return true;
    }
}
