# Shared by deploy/k8s/run.sh and deploy/swarm/run.sh (sourced).

# The run's length in whole seconds from ringload's -d/--duration among "$@" (s, m, h; 600 when absent, e.g. -n),
# to bound how long the orchestrator may take.
run_seconds() {
    local seconds=600 prev="" a
    for a in "$@"; do
        case $prev in -d|--duration)
            case $a in
                *ms) seconds=1 ;;
                *h) seconds=$(( ${a%h} * 3600 )) ;;
                *m) seconds=$(( ${a%m} * 60 )) ;;
                *s) seconds=${a%s} ;;
                *) seconds=$a ;;
            esac ;;
        esac
        prev=$a
    done
    echo "$seconds"
}
