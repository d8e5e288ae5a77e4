package dev.ringload.cli;

import dev.ringload.engine.load.Shard;

/**
 * A shard's place in the whole run, for its report and for {@code merge}: which shard it is and what the whole run
 * asked for (this process does its {@link Shard#shareOf share} of each).
 *
 * @param shard          this process's index and the shard count
 * @param runConnections {@code -c} of the whole run
 * @param runRequests    {@code -n} of the whole run; -1: none
 * @param runRateFrom    {@code --rate} of the whole run (the start of A:B); 0: closed loop
 * @param runRateTo      the end of {@code --rate A:B}; the same as the start for a constant rate
 */
record ShardPart(Shard shard, int runConnections, long runRequests, double runRateFrom, double runRateTo) {

    /** Where this shard's connections start among the whole run's ({@code {conn}} is run-wide). */
    int connectionBase() {
        return (int) shard.offsetOf(runConnections);
    }

    void json(Json j) {
        j.beginObject().field("index", shard.index()).field("count", shard.count())
                .field("runConnections", runConnections).name("runRequests");
        if (runRequests > 0) j.value(runRequests); else j.nullValue();
        j.field("runRateFrom", runRateFrom).field("runRateTo", runRateTo).endObject();
    }
}
