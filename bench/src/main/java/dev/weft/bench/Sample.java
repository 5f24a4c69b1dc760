package dev.weft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one thing (process wall times, scenario times): median and spread. */
final class Sample {

    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    int size() {
        return values.size();
    }

    double sum() {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    double median() {
        return quantile(0.5);
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    /** Linear interpolation between the closest ranks; {@code NaN} when empty. */
    double quantile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = sorted();
        double pos = q * (s.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo);
    }

    /** "412 ms (395–460)": the median and the range it came from. */
    String describe(String unit) {
        if (values.isEmpty()) {
            return "—";
        }
        return String.format("%.0f %s (%.0f–%.0f)", median(), unit, min(), max());
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }
}
