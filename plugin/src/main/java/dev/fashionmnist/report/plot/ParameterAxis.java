package dev.fashionmnist.report.plot;

import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.text.Messages;
import dev.fashionmnist.text.Numbers;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * How the values a sweep gave one parameter lie along an axis: numbers that grow by factors (2, 8, 32, 128 or 1000,
 * 10000, 60000) on a log scale, other numbers on a linear one, words (architectures, optimizers) as evenly spaced
 * categories in the sweep's order. The ticks sit at the swept values and are labelled with them as written.
 */
public final class ParameterAxis {
    /** The smallest step between two neighbouring values, as a factor, for a log axis. */
    static final double LOG_STEP = 1.8;
    /** How far the largest value must be above the smallest, as a factor, for a log axis. */
    static final double LOG_SPAN = 4;

    public enum Scale { LOG, LINEAR, CATEGORIES }

    private final List<String> values;
    private final Scale scale;

    private ParameterAxis(List<String> values, Scale scale) {
        this.values = values;
        this.scale = scale;
    }

    /** The axis for {@code values} (repeats allowed), numbers sorted ascending. */
    public static ParameterAxis of(Collection<String> values) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        if (!distinct.stream().allMatch(ParameterAxis::isNumber)) {
            return new ParameterAxis(distinct, Scale.CATEGORIES);
        }
        distinct.sort(Comparator.comparingDouble(Double::parseDouble));
        double[] numbers = distinct.stream().mapToDouble(Double::parseDouble).toArray();
        return new ParameterAxis(distinct, growsByFactors(numbers) ? Scale.LOG : Scale.LINEAR);
    }

    /** Whether ascending {@code numbers} are positive and each is at least {@link #LOG_STEP} times the one before. */
    static boolean growsByFactors(double[] numbers) {
        if (numbers.length < 2 || numbers[0] <= 0 || numbers[numbers.length - 1] / numbers[0] < LOG_SPAN) {
            return false;
        }
        for (int i = 1; i < numbers.length; i++) {
            if (numbers[i] / numbers[i - 1] < LOG_STEP) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public List<String> values() {
        return values;
    }

    public Scale scale() {
        return scale;
    }

    /** Where {@code value} lies on the axis. */
    double position(String value) {
        return switch (scale) {
            case LOG -> Math.log10(Double.parseDouble(value));
            case LINEAR -> Double.parseDouble(value);
            case CATEGORIES -> values.indexOf(value);
        };
    }

    /** The axis label: the name, and how the values are spaced when that is not plain, in {@code language}. */
    String label(String name, Language language) {
        return scale == Scale.LOG ? Messages.text(language, "plot.axis.log", name) : name;
    }

    /**
     * The label of an axis that shows the values as evenly spaced cells (a heat map's): for values that grow by factors
     * it says so, e.g. {@code trainSize (x4 per step)} or {@code trainSize (x10, x6)}, in {@code language}
     * ({@code ×2,5 pro Schritt}).
     */
    public String cellsLabel(String name, Language language) {
        if (scale != Scale.LOG) {
            return name;
        }
        List<String> factors = new ArrayList<>();
        for (int i = 1; i < values.size(); i++) {
            double f = Double.parseDouble(values.get(i)) / Double.parseDouble(values.get(i - 1));
            factors.add(Messages.text(language, "plot.axis.factor", Numbers.rounded(f, 1)));
        }
        return factors.stream().distinct().count() == 1
                ? Messages.text(language, "plot.axis.steps", name, factors.get(0))
                : name + " (" + String.join(", ", factors) + ")";
    }

    /** A value axis with a tick at each value, labelled as the sweep wrote it; its label in {@code language}. */
    NumberAxis axis(String name, Language language) {
        double[] positions = values.stream().mapToDouble(this::position).toArray();
        double low = positions[0];
        double high = positions[positions.length - 1];
        double pad = high > low ? 0.08 * (high - low) : 0.5;
        FixedTicks axis = new FixedTicks(label(name, language), positions, values.toArray(new String[0]));
        axis.setRange(low - pad, high + pad);
        return axis;
    }

    private static final class FixedTicks extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final double[] positions;
        private final String[] labels;

        FixedTicks(String label, double[] positions, String[] labels) {
            super(label);
            this.positions = positions;
            this.labels = labels;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            for (int i = 0; i < positions.length; i++) {
                ticks.add(new NumberTick(TickType.MAJOR, positions[i], labels[i],
                        vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }
}
