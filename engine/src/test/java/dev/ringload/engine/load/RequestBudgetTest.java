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
}
