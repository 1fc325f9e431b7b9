package dev.fashionmnist.train;

import java.util.List;

/** The trials of a sweep that still have to run, handed to one fork so that the data is loaded once. */
public record SweepJob(List<TrainJob> trials, List<String> labels) {
}
