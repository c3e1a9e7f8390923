package io.feedbackloop.categorize.metrics;

/**
 * The arithmetic behind the metrics, kept apart from SQL and JSON so that it can be checked against
 * worked examples. All results are exact (unrounded); percentages and NPS are on a 0..100 (−100..100)
 * scale; every 95 % interval uses z = 1.96, or Student's t for a small-sample mean.
 *
 * <p>Intervals are "adjusted" ones on purpose: the plain Wald interval collapses to a single point for
 * 0 % or 100 % and is far too narrow for the small samples a dashboard slice often has.
 */
public final class ScoreStatistics {

    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.96;

    /** From this sample size on, a mean's interval uses {@link #Z95} instead of Student's t. */
    public static final int NORMAL_FROM = 30;

    /**
     * t(0.975; df) for df = 1..29 (index = df), the standard table values to four decimals.
     * Used for df = n − 1 when n < {@link #NORMAL_FROM}.
     */
    private static final double[] T975 = {Double.NaN,
            12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
            2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
            2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452};

    private ScoreStatistics() {
    }

    /** A 95 % interval, in the unit of the value it belongs to. */
    public record Interval(double low, double high) {
    }

    /**
     * Net Promoter Score of a sample.
     *
     * @param score % promoters − % detractors (−100..100); null without responses
     * @param ci95  adjusted-Wald interval (see {@link #nps(long, long, long)}), clamped to −100..100; null without responses
     */
    public record Nps(long responses, long promoters, long passives, long detractors, Double score, Interval ci95) {
    }

    /**
     * A share of a sample.
     *
     * @param percent successes / n × 100; null when n = 0
     * @param ci95    adjusted-Wald (Agresti–Coull) interval in percent, clamped to 0..100; null when n = 0
     */
    public record Proportion(long successes, long n, Double percent, Interval ci95) {
    }

    /**
     * A sample mean.
     *
     * @param mean null when n = 0
     * @param ci95 mean ± q·s/√n with q = t(0.975; n−1) for n < 30 and 1.96 from n = 30; null when n < 2
     *             (a single answer says nothing about spread)
     */
    public record Mean(long n, Double mean, Double standardDeviation, Interval ci95) {
    }

    /**
     * NPS with the adjusted-Wald interval of Sauro &amp; Lewis: three pseudo-responses are added
     * (0.75 promoter, 0.75 detractor, 1.5 passive), so n' = n + 3, p' = (P + 0.75) / n',
     * d' = (D + 0.75) / n', SE = √((p' + d' − (p' − d')²) / n'), and the interval is
     * (p' − d') ± 1.96·SE, times 100 and clamped to −100..100. It is centred on the adjusted
     * NPS, not on the observed one, so it is pulled toward 0 for small samples.
     */
    public static Nps nps(long promoters, long passives, long detractors) {
        requireNonNegative(promoters, passives, detractors);
        long n = promoters + passives + detractors;
        if (n == 0) {
            return new Nps(0, 0, 0, 0, null, null);
        }
        double score = 100.0 * (promoters - detractors) / n;
        double adjustedN = n + 3.0;
        double p = (promoters + 0.75) / adjustedN;
        double d = (detractors + 0.75) / adjustedN;
        double centre = p - d;
        double se = Math.sqrt((p + d - centre * centre) / adjustedN);
        Interval ci = new Interval(clamp(100.0 * (centre - Z95 * se), -100, 100),
                clamp(100.0 * (centre + Z95 * se), -100, 100));
        return new Nps(n, promoters, passives, detractors, score, ci);
    }

    /**
     * A proportion with the adjusted-Wald (Agresti–Coull) interval: ñ = n + z², p̃ = (x + z²/2) / ñ,
     * p̃ ± z·√(p̃(1 − p̃) / ñ), in percent and clamped to 0..100.
     */
    public static Proportion proportion(long successes, long n) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, null, null);
        }
        double z2 = Z95 * Z95;
        double adjustedN = n + z2;
        double p = (successes + z2 / 2) / adjustedN;
        double half = Z95 * Math.sqrt(p * (1 - p) / adjustedN);
        return new Proportion(successes, n, 100.0 * successes / n,
                new Interval(clamp(100.0 * (p - half), 0, 100), clamp(100.0 * (p + half), 0, 100)));
    }

    /**
     * A mean from the sufficient statistics the database sums exactly: n, Σx and Σx². The sample
     * standard deviation is √((Σx² − (Σx)²/n) / (n − 1)).
     */
    public static Mean mean(long n, double sum, double sumOfSquares) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return new Mean(0, null, null, null);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Mean(1, mean, null, null);
        }
        // rounding can make an all-equal sample's variance a hair below zero
        double variance = Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
        double sd = Math.sqrt(variance);
        double half = quantile95(n) * sd / Math.sqrt(n);
        return new Mean(n, mean, sd, new Interval(mean - half, mean + half));
    }

    /** The multiplier of a mean's 95 % interval for a sample of n (n ≥ 2). */
    public static double quantile95(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("an interval needs at least two answers, got " + n);
        }
        return n < NORMAL_FROM ? T975[(int) (n - 1)] : Z95;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static void requireNonNegative(long... counts) {
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }
    }
}
