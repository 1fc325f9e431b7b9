package dev.fashionmnist.engine;

/** Maven coordinates of a PyTorch natives jar, resolved through Maven's own resolver at run time. */
public record NativeArtifact(String groupId, String artifactId, String version, String classifier) {
    public static final String GROUP = "ai.djl.pytorch";
    public static final String PYTORCH_VERSION = "2.3.1";

    public static NativeArtifact cpu(String platform) {
        return new NativeArtifact(GROUP, "pytorch-native-cpu", PYTORCH_VERSION, platform);
    }

    public static NativeArtifact cu121() {
        return new NativeArtifact(GROUP, "pytorch-native-cu121", PYTORCH_VERSION, "linux-x86_64");
    }

    /** DJL's name for the natives' flavor: {@code cpu} or {@code cu121}. */
    public String flavor() {
        return artifactId.substring("pytorch-native-".length());
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + classifier;
    }
}
