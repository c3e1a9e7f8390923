package io.feedbackloop.categorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feedbackloop.categorize.metrics.ScoreStatistics;
import io.feedbackloop.categorize.metrics.ScoreStatistics.Mean;
import io.feedbackloop.categorize.metrics.ScoreStatistics.Nps;
import io.feedbackloop.categorize.metrics.ScoreStatistics.Proportion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The metric arithmetic against DESIGN.md's worked examples and its edge cases; expectations worked out by hand. */
class ScoreStatisticsTest {

    private static final double EXACT = 1e-9;
    private static final double TABLE = 1e-3;

    @Nested
    class NetPromoterScore {

        @Test
        void fiftyPromotersThirtyPassivesTwentyDetractorsIsThirty() {
            Nps nps = ScoreStatistics.nps(50, 30, 20);
            // 50/100 − 20/100 = 30 points
            assertEquals(100, nps.responses());
            assertEquals(30.0, nps.score(), EXACT);
            // adjusted Wald: n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456,
            // p' − d' = 30/103 = 0.291262, p' + d' = 71.5/103 = 0.694175, (p' − d')² = 0.084834,
            // SE = √((0.694175 − 0.084834) / 103) = √0.0059159 = 0.076915, 1.96·SE = 0.150754
            // → 29.1262 ± 15.0754 = [14.051, 44.202]
            assertEquals(14.051, nps.ci95().low(), TABLE);
            assertEquals(44.202, nps.ci95().high(), TABLE);
        }

        @Test
        void noResponsesHasNoScoreAndNoInterval() {
            Nps nps = ScoreStatistics.nps(0, 0, 0);
            assertEquals(0, nps.responses());
            assertNull(nps.score());
            assertNull(nps.ci95());
        }

        @Test
        void onlyPassivesIsZeroWithAnIntervalSymmetricAroundZero() {
            Nps nps = ScoreStatistics.nps(0, 10, 0);
            assertEquals(0.0, nps.score(), EXACT);
            // n' = 13, p' = d' = 0.75/13 = 0.057692, centre 0, SE = √(0.115385/13) = 0.094211,
            // 1.96·SE = 0.184654 → ±18.465
            assertEquals(-18.465, nps.ci95().low(), TABLE);
            assertEquals(18.465, nps.ci95().high(), TABLE);
            assertEquals(-nps.ci95().low(), nps.ci95().high(), EXACT);
        }

        @Test
        void oneResponseHasAWideIntervalCentredOnTheAdjustedScore() {
            Nps nps = ScoreStatistics.nps(1, 0, 0);
            assertEquals(100.0, nps.score(), EXACT);
            // n' = 4, p' = 1.75/4 = 0.4375, d' = 0.75/4 = 0.1875, centre 0.25,
            // SE = √((0.625 − 0.0625)/4) = √0.140625 = 0.375, 1.96·SE = 0.735 → [−48.5, 98.5]
            assertEquals(-48.5, nps.ci95().low(), EXACT);
            assertEquals(98.5, nps.ci95().high(), EXACT);
        }

        @Test
        void allPromotersClampTheUpperBoundAtOneHundred() {
            Nps nps = ScoreStatistics.nps(10, 0, 0);
            assertEquals(100.0, nps.score(), EXACT);
            // n' = 13, p' = 10.75/13 = 0.826923, d' = 0.057692, centre 0.769231,
            // SE = √((0.884615 − 0.591716)/13) = √0.022531 = 0.150102, 1.96·SE = 0.294201
            // → [47.503, 106.343], the upper end clamped to 100
            assertEquals(47.503, nps.ci95().low(), TABLE);
            assertEquals(100.0, nps.ci95().high(), EXACT);
        }

        @Test
        void allDetractorsClampTheLowerBoundAtMinusOneHundred() {
            Nps nps = ScoreStatistics.nps(0, 0, 10);
            // the mirror image of all promoters: [−100 (clamped from −106.343), −47.503]
            assertEquals(-100.0, nps.score(), EXACT);
            assertEquals(-100.0, nps.ci95().low(), EXACT);
            assertEquals(-47.503, nps.ci95().high(), TABLE);
        }

        @Test
        void negativeCountsAreABug() {
            assertThrows(IllegalArgumentException.class, () -> ScoreStatistics.nps(-1, 0, 0));
        }
    }

    @Nested
    class CustomerSatisfaction {

        // DESIGN.md: answers 1..5 given by 5/10/15/30/40 people (n = 100)

        @Test
        void topBoxIsTheShareOfFives() {
            Proportion topBox = ScoreStatistics.proportion(40, 100);
            assertEquals(40.0, topBox.percent(), EXACT);
            // ñ = 100 + 3.8416 = 103.8416, p̃ = (40 + 1.9208)/103.8416 = 0.403699,
            // half-width 1.96·√(0.403699·0.596301/103.8416) = 1.96·0.048148 = 0.094370 → [30.933, 49.807]
            assertEquals(30.933, topBox.ci95().low(), TABLE);
            assertEquals(49.807, topBox.ci95().high(), TABLE);
        }

        @Test
        void topTwoBoxIsTheShareOfFoursAndFives() {
            Proportion topTwo = ScoreStatistics.proportion(30 + 40, 100);
            assertEquals(70.0, topTwo.percent(), EXACT);
            // p̃ = (70 + 1.9208)/103.8416 = 0.692601, half-width 1.96·√(0.692601·0.307399/103.8416)
            // = 1.96·0.045280 = 0.088749 → [60.385, 78.135]
            assertEquals(60.385, topTwo.ci95().low(), TABLE);
            assertEquals(78.135, topTwo.ci95().high(), TABLE);
        }

        @Test
        void noneAndAllAreClampedToTheScale() {
            // x = 0 of 3: ñ = 6.8416, p̃ = 1.9208/6.8416 = 0.280753, half 1.96·√(0.201931/6.8416) = 0.336727
            // → [−5.597 clamped to 0, 61.748]
            Proportion none = ScoreStatistics.proportion(0, 3);
            assertEquals(0.0, none.percent(), EXACT);
            assertEquals(0.0, none.ci95().low(), EXACT);
            assertEquals(61.748, none.ci95().high(), TABLE);
            // x = 3 of 3 mirrors it: [38.252, 100]
            Proportion all = ScoreStatistics.proportion(3, 3);
            assertEquals(38.252, all.ci95().low(), TABLE);
            assertEquals(100.0, all.ci95().high(), EXACT);
        }

        @Test
        void noRatingsHaveNoPercent() {
            Proportion empty = ScoreStatistics.proportion(0, 0);
            assertNull(empty.percent());
            assertNull(empty.ci95());
        }

        @Test
        void moreSuccessesThanAnswersIsABug() {
            assertThrows(IllegalArgumentException.class, () -> ScoreStatistics.proportion(4, 3));
        }
    }

    @Nested
    class CustomerEffort {

        @Test
        void designExampleMeanIsThreePointFour() {
            // answers 1..5 given by 2/8/15/18/7 people: n = 50,
            // Σx = 2 + 16 + 45 + 72 + 35 = 170, Σx² = 2 + 32 + 135 + 288 + 175 = 632
            Mean mean = ScoreStatistics.mean(50, 170, 632);
            assertEquals(3.4, mean.mean(), EXACT);
            // s² = (632 − 170²/50)/49 = (632 − 578)/49 = 1.102041, s = 1.049781;
            // n ≥ 30 → z: 1.96·1.049781/√50 = 1.96·0.148461 = 0.290984 → [3.1090, 3.6910]
            assertEquals(1.049781, mean.standardDeviation(), 1e-6);
            assertEquals(3.1090, mean.ci95().low(), 1e-4);
            assertEquals(3.6910, mean.ci95().high(), 1e-4);
        }

        @Test
        void smallSamplesUseStudentsT() {
            // answers 2, 4, 6: mean 4, s² = (4 + 0 + 4)/2 = 4, s = 2, s/√3 = 1.154701;
            // t(0.975; 2) = 4.3027 → half-width 4.968330 → [−0.9683, 8.9683]
            Mean mean = ScoreStatistics.mean(3, 12, 4 + 16 + 36);
            assertEquals(4.0, mean.mean(), EXACT);
            assertEquals(-0.9683, mean.ci95().low(), 1e-4);
            assertEquals(8.9683, mean.ci95().high(), 1e-4);
        }

        @Test
        void theQuantileSwitchesToTheNormalOneAtThirtyAnswers() {
            assertEquals(12.7062, ScoreStatistics.quantile95(2), EXACT);  // df 1
            assertEquals(2.0484, ScoreStatistics.quantile95(29), EXACT);  // df 28, the last t used
            assertEquals(1.96, ScoreStatistics.quantile95(30), EXACT);
            assertEquals(1.96, ScoreStatistics.quantile95(10_000), EXACT);
        }

        @Test
        void oneAnswerHasAMeanButNoInterval() {
            Mean mean = ScoreStatistics.mean(1, 6, 36);
            assertEquals(6.0, mean.mean(), EXACT);
            assertNull(mean.standardDeviation());
            assertNull(mean.ci95());
        }

        @Test
        void identicalAnswersHaveAZeroWidthInterval() {
            Mean mean = ScoreStatistics.mean(4, 20, 100);  // 5, 5, 5, 5
            assertEquals(5.0, mean.ci95().low(), EXACT);
            assertEquals(5.0, mean.ci95().high(), EXACT);
        }

        @Test
        void noAnswersHaveNoMean() {
            Mean mean = ScoreStatistics.mean(0, 0, 0);
            assertNull(mean.mean());
            assertNull(mean.ci95());
        }
    }
}
