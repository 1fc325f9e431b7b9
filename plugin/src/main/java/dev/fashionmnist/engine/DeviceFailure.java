package dev.fashionmnist.engine;

import dev.fashionmnist.runtime.Message;
import dev.fashionmnist.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the engine failed when it first used a device, read from the engine's error text (DJL passes PyTorch's
 * {@code c10::Error} text on in its {@code EngineException}), worded as what went wrong ({@link #problem()}) and what
 * to do ({@link #advice()}). PyTorch has no error codes that reach Java, so its texts are the only clue; the kinds
 * below are those a GPU user meets on a first run.
 *
 * @param kind    which failure the text shows
 * @param problem what went wrong, on which device, running what
 * @param advice  what the user can change
 */
public record DeviceFailure(Kind kind, Message problem, Message advice) {
    // what the engine's texts say, in lower case: CUDA's error strings and PyTorch's own
    private static final String SAYS_NO_KERNEL_IMAGE = "no kernel image is available for execution on the device";
    private static final String SAYS_INVALID_FUNCTION = "invalid device function";
    private static final String SAYS_INVALID_ORDINAL = "invalid device ordinal";
    /** "all CUDA-capable devices are busy or unavailable" (CUDA 11), "CUDA-capable device(s) is/are busy ..." (12). */
    private static final String SAYS_BUSY = "busy or unavailable";
    private static final String SAYS_DRIVER_INSUFFICIENT =
            "cuda driver version is insufficient for cuda runtime version";
    private static final String SAYS_DRIVER_TOO_OLD = "the nvidia driver on your system is too old";
    /** PyTorch's CUDA caching allocator, CUDA itself, cuBLAS's handle, the CPU allocator (2.3, then older). */
    private static final List<String> SAYS_OUT_OF_MEMORY = List.of("out of memory", "cublas_status_alloc_failed",
            "can't allocate memory", "not enough memory");
    /** A CPU build of PyTorch asked to run an operator on a CUDA device. */
    private static final String SAYS_CUDA_BACKEND = "with arguments from the 'cuda' backend";
    /** The lines PyTorch adds to every CUDA error; they say nothing about this one. */
    private static final List<String> CUDA_BOILERPLATE = List.of("CUDA kernel errors might be asynchronously",
            "For debugging consider passing CUDA_LAUNCH_BLOCKING", "Compile with `TORCH_USE_CUDA_DSA`");
    /** How much of an unknown error's text a message keeps: the first lines carry it, the rest is a long list. */
    private static final int KEPT_CHARACTERS = 600;
    /** PyTorch 2.1 and later: "GPU 0 has a total capacity of 7.79 GiB of which 10.44 MiB is free." */
    private static final Pattern CAPACITY = Pattern.compile(
            "total capaci?ty of ([\\d.]+ [KMGT]?i?B) of which ([\\d.]+ [KMGT]?i?B|0 bytes) is free");
    /** PyTorch before 2.1: "(GPU 0; 11.17 GiB total capacity; 10.90 GiB already allocated; 576.00 KiB free; ...)". */
    private static final Pattern OLD_CAPACITY = Pattern.compile(
            "([\\d.]+ [KMGT]?i?B) total capacity;.*?([\\d.]+ [KMGT]?i?B) free");
    /** "Process 19239 has 14.26 GiB memory in use.": another process on the same GPU. */
    private static final Pattern OTHER_PROCESS = Pattern.compile(
            "Process (\\d+) has ([\\d.]+ [KMGT]?i?B) memory in use");
    /** "The NVIDIA driver on your system is too old (found version 11040)": the CUDA version times 1000. */
    private static final Pattern DRIVER_FOUND = Pattern.compile("found version (\\d+)");

    /** The failures told apart, each with its own advice. */
    public enum Kind {
        /** The device has not enough free memory for the batch ("CUDA out of memory", the CPU allocator's). */
        OUT_OF_MEMORY,
        /** The natives hold no code for this GPU's compute capability. */
        NO_KERNEL_IMAGE,
        /** The GPU index is beyond the GPUs the process sees ("invalid device ordinal"). */
        NO_SUCH_GPU,
        /** Another process holds a GPU in exclusive-process mode, or the GPU is prohibited or faulty. */
        BUSY,
        /** The NVIDIA driver is older than the natives' CUDA runtime needs. */
        DRIVER_TOO_OLD,
        /** The natives loaded are the CPU build: no operator runs on a CUDA device. */
        CPU_NATIVES,
        /** Anything else: the message keeps the engine's own words. */
        OTHER
    }

    /** Which failure the engine's error text shows. */
    public static Kind kind(String engineText) {
        String t = engineText == null ? "" : engineText.toLowerCase(Locale.ROOT);
        if (t.contains(SAYS_NO_KERNEL_IMAGE) || t.contains(SAYS_INVALID_FUNCTION)) {
            return Kind.NO_KERNEL_IMAGE;
        }
        if (t.contains(SAYS_INVALID_ORDINAL)) {
            return Kind.NO_SUCH_GPU;
        }
        if (t.contains(SAYS_BUSY)) {
            return Kind.BUSY;
        }
        if (t.contains(SAYS_DRIVER_INSUFFICIENT) || t.contains(SAYS_DRIVER_TOO_OLD)) {
            return Kind.DRIVER_TOO_OLD;
        }
        if (SAYS_OUT_OF_MEMORY.stream().anyMatch(t::contains)) {
            return Kind.OUT_OF_MEMORY;
        }
        if (t.contains(SAYS_CUDA_BACKEND)) {
            return Kind.CPU_NATIVES;
        }
        return Kind.OTHER;
    }

    /**
     * The failure that {@code engineText} shows, on {@code device} ({@code cpu} or {@code gpu:N}) running {@code ran}.
     *
     * @param gpuCount      the GPUs PyTorch sees, for the indexes to suggest
     * @param trainingBatch the batch size of a training step, whose half an out-of-memory suggests; 0 for inference,
     *                      whose batch is not the user's to choose
     */
    public static DeviceFailure of(String engineText, String device, Message ran, int gpuCount, int trainingBatch) {
        String text = engineText == null ? "" : engineText;
        Kind kind = kind(text);
        return switch (kind) {
            case OUT_OF_MEMORY -> new DeviceFailure(kind,
                    Messages.of("engine.proof.outOfMemory", device, ran, memory(text)),
                    trainingBatch > 1 ? Messages.of("engine.proof.advice.batch", trainingBatch / 2)
                            : Messages.of("engine.proof.advice.memory"));
            case NO_KERNEL_IMAGE -> new DeviceFailure(kind, Messages.of("engine.proof.noKernelImage", device, ran,
                    sentence(text, SAYS_NO_KERNEL_IMAGE, SAYS_INVALID_FUNCTION)),
                    Messages.of("engine.proof.advice.kernels"));
            case NO_SUCH_GPU -> new DeviceFailure(kind,
                    Messages.of("engine.proof.noSuchGpu", device, gpuCount, sentence(text, SAYS_INVALID_ORDINAL)),
                    gpuCount > 0 ? Messages.of("engine.proof.advice.index", gpuCount - 1)
                            : Messages.of("engine.proof.advice.noGpu"));
            case BUSY -> new DeviceFailure(kind, Messages.of("engine.proof.busy", device, sentence(text, SAYS_BUSY)),
                    Messages.of("engine.proof.advice.busy"));
            case DRIVER_TOO_OLD -> new DeviceFailure(kind, Messages.of("engine.proof.driverTooOld", device,
                    sentence(text, SAYS_DRIVER_TOO_OLD, SAYS_DRIVER_INSUFFICIENT), driverFound(text)),
                    Messages.of("engine.proof.advice.driver"));
            case CPU_NATIVES -> new DeviceFailure(kind,
                    Messages.of("engine.proof.cpuNatives", device, sentence(text, SAYS_CUDA_BACKEND)),
                    Messages.of("engine.proof.advice.natives"));
            case OTHER -> new DeviceFailure(kind, Messages.of("engine.proof.other", device, ran, essence(text)),
                    Messages.of("engine.proof.advice.other"));
        };
    }

    /** The whole message for a failed goal: what went wrong and what to do. */
    public Message message() {
        return Messages.of("engine.proof.failed", problem, advice);
    }

    /** What an out-of-memory text says of the GPU's memory: in all, free, other processes' share; else nothing. */
    static Object memory(String text) {
        Matcher m = CAPACITY.matcher(text);
        if (!m.find()) {
            m = OLD_CAPACITY.matcher(text);
            if (!m.find()) {
                return "";
            }
        }
        List<Message> others = new ArrayList<>();
        Matcher p = OTHER_PROCESS.matcher(text);
        while (p.find()) {
            others.add(Messages.of("engine.proof.memory.process", p.group(2), p.group(1)));
        }
        return others.isEmpty() ? Messages.of("engine.proof.memory", m.group(1), m.group(2))
                : Messages.of("engine.proof.memory.others", m.group(1), m.group(2), Message.joined(", ", others));
    }

    /** "(it supports CUDA 11.4)" from PyTorch's "found version 11040", or nothing when the text does not say. */
    private static Object driverFound(String text) {
        Matcher m = DRIVER_FOUND.matcher(text);
        if (!m.find()) {
            return "";
        }
        int version = Integer.parseInt(m.group(1));
        return Messages.of("engine.proof.driverFound", version / 1000 + "." + version % 1000 / 10);
    }

    /**
     * The sentence of {@code text} that holds the first of {@code phrases} (lower case) found there, in the engine's
     * own words: from the start of its line or sentence to the end of either, e.g. "CUDA error: no kernel image is
     * available for execution on the device"; what a user would search for.
     */
    static String sentence(String text, String... phrases) {
        String lower = text.toLowerCase(Locale.ROOT);
        String phrase = phrases[0];
        int at = -1;
        for (int i = 0; i < phrases.length && at < 0; i++) {
            phrase = phrases[i];
            at = lower.indexOf(phrase);
        }
        if (at < 0) {
            return phrases[0];
        }
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int sentenceStart = text.lastIndexOf(". ", at);
        int start = sentenceStart >= lineStart ? sentenceStart + 2 : lineStart;
        int end = text.length();
        int line = text.indexOf('\n', at);
        int stop = text.indexOf(". ", at + phrase.length());
        if (line >= 0) {
            end = line;
        }
        if (stop >= 0 && stop < end) {
            end = stop;
        }
        String s = text.substring(start, end).strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * An unknown error's own words without what PyTorch adds to each: the C++ stack after "Exception raised from",
     * the CUDA debugging hints; at most {@value #KEPT_CHARACTERS} characters.
     */
    static String essence(String text) {
        int stack = text.indexOf("Exception raised from");
        String head = stack >= 0 ? text.substring(0, stack) : text;
        StringBuilder kept = new StringBuilder();
        for (String line : head.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && CUDA_BOILERPLATE.stream().noneMatch(l::startsWith)) {
                kept.append(kept.length() == 0 ? "" : " ").append(l);
            }
        }
        return kept.length() <= KEPT_CHARACTERS ? kept.toString()
                : kept.substring(0, KEPT_CHARACTERS).strip() + " ...";
    }
}
