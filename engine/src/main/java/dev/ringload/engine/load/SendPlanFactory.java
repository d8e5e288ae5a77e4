package dev.ringload.engine.load;

/** Makes each worker's {@link SendPlan} (a plan holds per-thread state: counters, send areas, a random source). */
@FunctionalInterface
public interface SendPlanFactory {

    SendPlan create(int workerIndex);

    /** One request, repeated: {@link RepeatedRequestPlan}. */
    static SendPlanFactory repeated(LoadConfig config) {
        return worker -> new RepeatedRequestPlan(config.request(), config.pipelining());
    }
}
