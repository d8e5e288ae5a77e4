package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBudgetTest {

    @Test
    void aShareIsTakenToTheLastRequestAndNoFurther() {
        RequestBudget budget = new RequestBudget(5);
        assertThat(budget.take(3)).isEqualTo(3);
        assertThat(budget.spent()).isFalse();
        assertThat(budget.take(3)).as("only two left").isEqualTo(2);
        assertThat(budget.spent()).isTrue();
        assertThat(budget.take(1)).isZero();
    }

    /** A worker whose share of -n is nothing (more workers than requests) sends nothing, rather than without limit. */
    @Test
    void aShareOfZeroIsSpentFromTheStart() {
        RequestBudget budget = new RequestBudget(0);
        assertThat(budget.spent()).isTrue();
        assertThat(budget.take(4)).isZero();
    }

    @Test
    void noLimitGrantsEverythingAndIsNeverSpent() {
        RequestBudget budget = new RequestBudget(-1);
        assertThat(budget.take(1_000)).isEqualTo(1_000);
        budget.giveBack(7);
        assertThat(budget.spent()).isFalse();
        assertThat(budget.take(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    /** Lost requests come back to be sent again. */
    @Test
    void lostRequestsComeBack() {
        RequestBudget budget = new RequestBudget(5);
        assertThat(budget.take(5)).isEqualTo(5);
        budget.giveBack(3);
        assertThat(budget.spent()).isFalse();
        assertThat(budget.take(10)).isEqualTo(3);
        assertThat(budget.spent()).isTrue();
    }

    /** The same requests lost again and again still come back each time: N responses however often. */
    @Test
    void requestsLostAgainComeBackAgain() {
        RequestBudget budget = new RequestBudget(10);
        for (int round = 0; round < 5; round++) {
            assertThat(budget.take(10)).as("round %d", round).isEqualTo(10);
            budget.giveBack(10);
        }
        assertThat(budget.take(10)).isEqualTo(10);
        assertThat(budget.spent()).isTrue();
    }

    /** Never more comes back than the share: a budget nothing was taken from stays as it is. */
    @Test
    void neverMoreThanTheShare() {
        RequestBudget budget = new RequestBudget(4);
        budget.giveBack(3);
        assertThat(budget.take(10)).isEqualTo(4);
        budget.giveBack(9);
        assertThat(budget.take(10)).isEqualTo(4);
    }
}
